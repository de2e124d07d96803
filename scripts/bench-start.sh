#!/usr/bin/env bash
# Times the window's start until it is usable (docs/performance.md, "Start-up of the window"):
#   scripts/bench-start.sh [RUNS]     (default 5 runs; prints each and the median)
# Builds the jar, creates a demo database with `db init --demo`, starts one X server (Xvfb), then
# starts the workbench on that database RUNS times with the start-up probe on (ui/StartupProbe):
# the window prints `usable-ms=N` (from the process's start until the first screen shows its
# content and the start's background work is done, at the next frame) and closes itself.
# Window state and preferences go to a folder of their own, so the user's are left alone.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
mvn -q -B -o -DskipTests package || mvn -q -B -DskipTests package
dir=target/bench-start
rm -rf "$dir" && mkdir -p "$dir/data" "$dir/prefs"
java -jar target/sanlian-workbench.jar db init --demo --db "$dir/start.db" --operator 基准 >/dev/null

display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1

times=()
for i in $(seq 1 "$runs"); do
    load=$(cut -d' ' -f1 /proc/loadavg)
    start=$(date +%s.%N)
    # JAVA_OPTIONS (unquoted, may be empty): extra JVM options to compare, e.g. "-XX:TieredStopAtLevel=1"
    out=$(DISPLAY=$display SANLIAN_DATA="$dir/data" java ${JAVA_OPTIONS:-} -Djava.util.prefs.userRoot="$dir/prefs" \
        -Dsanlian.startup.probe=1 -Dsanlian.startup.exit=true -Dsanlian.startup.t0=$(date +%s%3N) \
        -jar target/sanlian-workbench.jar --db "$dir/start.db" 2>&1 >/dev/null | grep -o 'usable-ms=[0-9]*' || true)
    end=$(date +%s.%N)
    if [[ -z $out ]]; then
        echo "run $i: the window did not report itself usable" >&2
        exit 1
    fi
    ms=${out#usable-ms=}
    times+=("$ms")
    printf 'run %d: usable after %d ms; whole process %.2f s; load before %s\n' "$i" "$ms" \
        "$(echo "$end - $start" | bc)" "$load"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
printf 'median of %d: usable after %s ms\n' "$runs" "$median"
