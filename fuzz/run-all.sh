#!/bin/sh
# Runs the fuzz targets (all, or those named after SECONDS) for SECONDS (default 60) each,
# one after another, on stable (no sanitizer). Findings land in fuzz/artifacts/TARGET/.
# Usage: fuzz/run-all.sh [SECONDS [TARGET...]]
set -u
cd "$(dirname "$0")"
SECONDS_EACH=${1:-60}
[ $# -gt 0 ] && shift
TARGETS=${*:-segment quantity time claim html markdown text jsonl manifest rule config pipeline}
cargo fuzz build -s none 2>&1 | tail -1
for t in $TARGETS; do
    mkdir -p corpus/$t
    echo "== $t"
    cargo fuzz run -s none "$t" corpus/$t -- -max_total_time="$SECONDS_EACH" -timeout=10 \
        -rss_limit_mb=1024 2>&1 | grep -E "^(#[0-9]+ *DONE|==[0-9]+==|SUMMARY|Done|artifact_prefix|Test unit written)|panicked|ERROR" | tail -6
done
