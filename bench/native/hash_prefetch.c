/*
 * What a hashed GROUP BY (COUNT(*), SUM(v) GROUP BY k, k a BIGINT, 1M keys spread as the JMH
 * benchmark spreads them) can reach on this machine, written in C with the generated kernel's
 * layout: an index of one 8-byte word per slot (the key's 32-bit hash and entry + 1, linear probing,
 * a quarter full) and 32-byte entries (key, count, sum). Only the lookups of keys already present
 * are timed (16M uniform draws), not the inserts: a floor of what a row costs.
 *
 *   naive      per row: hash, probe the index, compare the entry's key, fold
 *   prefetch   the same loop with __builtin_prefetch of the index slot 16 rows ahead and of the
 *              entry that slot names 8 rows ahead (hashes of the batch computed first), which Java
 *              cannot write (the generated kernel loads a batch's slots and entries in passes ahead
 *              of the fold instead: GroupAggregateKernel.java.ftl lookAhead)
 *
 * each with the index and entries on huge pages (madvise, as Sluice's OffHeapBuffer gives blocks
 * of 8 MiB and more) and on small pages (as a Java long[] index without -XX:+UseTransparentHugePages).
 * Run by bench/native/run.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#define N (1 << 24)
#define BATCH 4096
#define AHEAD1 16
#define AHEAD2 8

typedef struct {
    int64_t key, count, sum, unused;
} Entry;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static uint64_t mix(uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    return h ^ (h >> 33);
}

static void *block(size_t bytes, int huge) {
    const size_t page = 2u << 20;
    bytes = (bytes + page - 1) & ~(page - 1);
    void *p = aligned_alloc(page, bytes);
    madvise(p, bytes, huge ? MADV_HUGEPAGE : MADV_NOHUGEPAGE);
    memset(p, 0, bytes);
    return p;
}

static inline void fold(const uint64_t *slots, Entry *entries, uint64_t mask, uint64_t h, int64_t key, int64_t v) {
    const uint32_t tag = (uint32_t) (h >> 32);
    for (uint64_t s = tag & mask;; s = (s + 1) & mask) {
        const uint64_t w = slots[s];
        Entry *e = &entries[(uint32_t) w - 1];
        if ((uint32_t) (w >> 32) == tag && e->key == key) {
            e->count++;
            e->sum += v;
            return;
        }
    }
}

int main(int argc, char **argv) {
    const int keys = argc > 1 ? atoi(argv[1]) : 1000000;
    if (keys < 1 || keys > (1 << 26)) {
        fprintf(stderr, "usage: hash_prefetch [KEYS 1..%d]\n", 1 << 26);
        return 2;
    }
    const uint64_t spread = 0x9E3779B97F4A7C15ULL;
    int64_t *k = malloc(sizeof(int64_t) * N), *v = malloc(sizeof(int64_t) * N);
    uint64_t *hashes = malloc(sizeof(uint64_t) * (BATCH + AHEAD1));
    srand(7);
    for (int i = 0; i < N; i++) {
        k[i] = (int64_t) ((uint64_t) (rand() % keys) * spread);
        v[i] = rand() % 1000;
    }
    uint64_t slotCount = 1;
    while (slotCount < 4ull * keys) slotCount <<= 1;
    const uint64_t mask = slotCount - 1;
    printf("hashed GROUP BY, %d keys, 16M lookups of present keys (rows/s)\n", keys);
    for (int huge = 1; huge >= 0; huge--) {
        uint64_t *slots = block(sizeof(uint64_t) * slotCount, huge);
        Entry *entries = block(sizeof(Entry) * (size_t) keys, huge);
        for (int q = 0; q < keys; q++) {
            const int64_t key = (int64_t) ((uint64_t) q * spread);
            const uint64_t h = mix(key);
            uint64_t s = (uint32_t) (h >> 32) & mask;
            while (slots[s]) s = (s + 1) & mask;
            entries[q].key = key;
            slots[s] = (h & 0xFFFFFFFF00000000ULL) | (uint64_t) (q + 1);
        }
        for (int rep = 0; rep < 3; rep++) {
            const double t0 = now();
            for (int i = 0; i < N; i++) fold(slots, entries, mask, mix(k[i]), k[i], v[i]);
            const double t1 = now();
            for (int b = 0; b < N; b += BATCH) {
                for (int i = 0; i < BATCH + AHEAD1; i++) hashes[i] = b + i < N ? mix(k[b + i]) : 0;
                for (int i = 0; i < BATCH; i++) {
                    __builtin_prefetch(&slots[(uint32_t) (hashes[i + AHEAD1] >> 32) & mask]);
                    const uint64_t w = slots[(uint32_t) (hashes[i + AHEAD2] >> 32) & mask];
                    __builtin_prefetch(&entries[(uint32_t) w ? (uint32_t) w - 1 : 0]);
                    fold(slots, entries, mask, hashes[i], k[b + i], v[b + i]);
                }
            }
            const double t2 = now();
            printf("  %s pages: naive %.1fM   prefetch %.1fM\n", huge ? "huge " : "small", N / (t1 - t0) / 1e6,
                   N / (t2 - t1) / 1e6);
        }
        int64_t total = 0;
        for (int q = 0; q < keys; q++) total += entries[q].count;
        printf("  (counted %lld rows)\n", (long long) total);
        free(slots);
        free(entries);
    }
    return 0;
}
