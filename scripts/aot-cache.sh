# Sourced by the sluice launcher and scripts/compile-cost (after find-jdk.sh): the JDK AOT cache
# (JEP 483/514) that makes the first compile in a fresh JVM fast. A training run compiles and runs
# a few corpus cases (`sluice test`) and the JVM records the classes it loaded and linked, and
# method profiles, into one file that later JVMs start from.

# The few corpus cases the training run goes through: window kinds, a changelog GROUP BY,
# projections and two errors. Cases that no longer exist are skipped.
SLUICE_AOT_TRAINING_CASES="example-trades-ohlc hop-count-by-key session-late-rows cumulate-by-key
  tumble-emit-changes groupby-two-keys project-case-cast where-null-and-false error-unknown-column error-syntax"

# The cache file for this JDK (a cache only works with the JDK that wrote it).
sluice_aot_path() {
  local root="$1" jdk
  jdk="$(basename "$(cd "$JAVA_HOME" && pwd -P)")"
  echo "$root/compiler/target/aot/sluice-$jdk.aot"
}

# Copies the training cases into the new folder $2; fails if none of them exists.
sluice_training_cases() {
  local root="$1" cases="$2" c found=""
  rm -rf "$cases" && mkdir -p "$cases"
  for c in $SLUICE_AOT_TRAINING_CASES; do
    if [ -d "$root/test-corpus/$c" ]; then
      cp -R "$root/test-corpus/$c" "$cases/$c"
      found=1
    fi
  done
  [ -n "$found" ]
}

# Whether the file $2 exists and is newer than the jar and the JVM flags.
sluice_aot_fresh() {
  local root="$1" f="$2"
  [ -f "$f" ] && ! [ "$root/compiler/target/sluice.jar" -nt "$f" ] \
    && ! [ "$root/compiler/target/classes/io/sluice/compiler/jvm.options" -nt "$f" ]
}

# Whether the cache at $2 must be recorded: it is missing or stale, and no attempt for this build
# failed already (a failed attempt leaves $2.failed, so that a failure costs one training run per
# build, not one per command).
sluice_aot_stale() {
  ! sluice_aot_fresh "$1" "$2" && ! sluice_aot_fresh "$1" "$2.failed"
}

# Records the cache at $2 from a training run of the built jar. Returns non-zero (and leaves no
# cache file) when it could not; the launcher then runs without a cache.
sluice_aot_train() {
  local root="$1" aot="$2" jar="$1/compiler/target/sluice.jar" flags="$1/compiler/target/classes/io/sluice/compiler/jvm.options"
  local log="$root/target/sluice-aot.log" tmp="$aot.$$.tmp" cases="$1/target/aot-training.$$"
  if ! mkdir -p "$root/target" "$(dirname "$aot")" 2>/dev/null || ! [ -w "$(dirname "$aot")" ]; then
    return 1 # a read-only build: run without a cache, quietly
  fi
  rm -f "$aot.failed"
  if ! sluice_training_cases "$root" "$cases"; then
    rm -rf "$cases"
    touch "$aot.failed"
    echo "sluice: no training cases found in test-corpus/; running without a startup cache" >&2
    return 1
  fi
  echo "sluice: recording a startup cache for this build (once; about 20 s)..." >&2
  # `sluice test` fails if a case fails; the cache is good either way: only its file counts.
  # shellcheck disable=SC2046
  (cd "$root" && "$JAVA_HOME/bin/java" $(cat "$flags") -XX:AOTCacheOutput="$tmp" -jar "$jar" test "$cases") \
    >"$log" 2>&1 || true
  rm -rf "$tmp.config" "$cases"
  if [ -s "$tmp" ]; then
    mv -f "$tmp" "$aot"
    return 0
  fi
  rm -f "$tmp"
  touch "$aot.failed"
  echo "sluice: could not record the startup cache (see $log); running without it" >&2
  return 1
}
