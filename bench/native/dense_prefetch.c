/*
 * What a dense GROUP BY (COUNT(*), SUM(v) GROUP BY k, k a small INT, 50 keys) can reach on this
 * machine when its 16M rows (an INT key column and a BIGINT value column, 192 MiB) come from memory,
 * written in C so that the one thing Java cannot write, a software prefetch, can be compared:
 *
 *   packed     one pass, each row adds (1 << 51) + v into its key's word (count and sum packed in
 *              one long, as the kernel's PackedPartials do)
 *   prefetch   the same loop with __builtin_prefetch of the key and value D rows ahead
 *   touch      the same loop with ordinary loads D rows ahead, their values kept (all Java can do:
 *              the JDK has no prefetch since Unsafe.prefetch* went in JDK 9, nor does the Vector API
 *              or FFM offer one)
 *   ranges     per batch of 4096 rows, a pass for the key and value ranges (what makes packing
 *              safe; the SIMD twin does it in lanes) then the packed pass over the batch, in cache:
 *              the shape of the generated kernel's foldPacked
 *
 * Each figure is rows/s over 4 passes of the input; the variants alternate in each repetition so
 * that their ratios come from the same minutes. Run by bench/native/run.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define N (1 << 24)
#define BATCH 4096
#define PAD 4096

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    const int keys = argc > 1 ? atoi(argv[1]) : 50;
    const int d = argc > 2 ? atoi(argv[2]) : 256;
    if (keys < 1 || keys > 4096 || d < 1 || d > PAD - 16) {
        fprintf(stderr, "usage: dense_prefetch [KEYS 1..4096] [DISTANCE 1..%d]\n", PAD - 16);
        return 2;
    }
    int32_t *k = aligned_alloc(64, (N + PAD) * sizeof(int32_t));
    int64_t *v = aligned_alloc(64, (N + PAD) * sizeof(int64_t));
    srand(1);
    for (int i = 0; i < N + PAD; i++) {
        k[i] = rand() % keys;
        v[i] = rand() % 1000;
    }
    static int64_t w[4096];
    int64_t sink = 0;
    printf("dense GROUP BY, %d keys, 16M rows from memory (rows/s; prefetch distance %d rows)\n", keys, d);
    for (int rep = 0; rep < 4; rep++) {
        const double t0 = now();
        for (int r = 0; r < 4; r++)
            for (int i = 0; i < N; i++) w[k[i]] += (1LL << 51) + v[i];
        const double t1 = now();
        for (int r = 0; r < 4; r++)
            for (int i = 0; i < N; i++) {
                __builtin_prefetch(&k[i + d]);
                __builtin_prefetch(&v[i + d]);
                w[k[i]] += (1LL << 51) + v[i];
            }
        const double t2 = now();
        for (int r = 0; r < 4; r++)
            for (int i = 0; i < N; i += 16) {
                sink ^= v[i + d] ^ v[i + d + 8] ^ k[i + d];
                for (int j = i; j < i + 16; j++) w[k[j]] += (1LL << 51) + v[j];
            }
        const double t3 = now();
        for (int r = 0; r < 4; r++)
            for (int b = 0; b < N; b += BATCH) {
                int64_t lo = INT64_MAX, hi = INT64_MIN;
                int32_t kl = INT32_MAX, kh = INT32_MIN;
                for (int i = b; i < b + BATCH; i++) {
                    lo = v[i] < lo ? v[i] : lo;
                    hi = v[i] > hi ? v[i] : hi;
                    kl = k[i] < kl ? k[i] : kl;
                    kh = k[i] > kh ? k[i] : kh;
                }
                sink += hi + kl + kh;
                for (int i = b; i < b + BATCH; i++) w[k[i]] += (1LL << 51) + v[i] - lo;
            }
        const double t4 = now();
        printf("  packed %.0fM   prefetch %.0fM   touch %.0fM   ranges+packed %.0fM\n", 4.0 * N / (t1 - t0) / 1e6,
               4.0 * N / (t2 - t1) / 1e6, 4.0 * N / (t3 - t2) / 1e6, 4.0 * N / (t4 - t3) / 1e6);
    }
    for (int i = 0; i < 4096; i++) sink += w[i];
    printf("  (checksum %lld)\n", (long long) sink);
    return 0;
}
