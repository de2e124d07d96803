#!/usr/bin/env bash
# Times the meeting-workbook export of the large case (3,000 units x 120 indicators, 10 zones, with
# its charts) as a whole command, JVM start included (docs/performance.md, "Excel export"):
#   scripts/bench-export.sh [RUNS]     (default 5 runs; prints each wall time and the median)
# Builds the jar and the test classes, writes the case to target/large-case/, then runs
#   java -cp ... org.sanlian.workbench.Launcher export --scheme ... --data ... --period 2025 --out ...
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
mvn -q -B -o -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    || mvn -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
cp="target/classes:$(cat target/bench.classpath)"
dir=target/large-case
if [[ ! -f $dir/large.data.csv ]]; then
    java -cp "target/test-classes:$cp" org.sanlian.workbench.bench.LargeCaseFiles "$dir" 3000 120 >/dev/null
fi
times=()
for i in $(seq 1 "$runs"); do
    rm -f "$dir/large.xlsx"
    # the machine's load before the run: other work on a 2-core machine shows directly in the figure
    load=$(cut -d' ' -f1 /proc/loadavg)
    start=$(date +%s.%N)
    /usr/bin/time -f '%U %S' -o "$dir/cpu.txt" java -Djava.awt.headless=true -cp "$cp" \
        org.sanlian.workbench.Launcher export \
        --scheme "$dir/large.scheme.json" --data "$dir/large.data.csv" --period 2025 \
        --out "$dir/large.xlsx" --date 2026-01-15 >/dev/null
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc)
    times+=("$t")
    printf 'run %d: %.2f s wall, %s s CPU (user+sys), load before %s\n' "$i" "$t" \
        "$(awk '{print $1 + $2}' "$dir/cpu.txt")" "$load"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
printf 'median of %d: %.2f s  (%s, %s bytes)\n' "$runs" "$median" "$dir/large.xlsx" "$(stat -c %s "$dir/large.xlsx")"
