#!/bin/sh
# Runs every fuzz target for SECONDS (default 60) each, one after another, on stable
# (no sanitizer). Findings land in fuzz/artifacts/TARGET/.
set -u
cd "$(dirname "$0")"
SECONDS_EACH=${1:-60}
for t in segment quantity time claim html markdown text jsonl manifest rule config; do
    mkdir -p corpus/$t
    echo "== $t"
    cargo fuzz run -s none "$t" corpus/$t -- -max_total_time="$SECONDS_EACH" -timeout=10 \
        -rss_limit_mb=1024 2>&1 | grep -E "^(#[0-9]+ *DONE|==[0-9]+==|SUMMARY|Done|artifact_prefix|Test unit written)|panicked|ERROR" | tail -6
done
