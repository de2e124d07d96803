#!/usr/bin/env bash
# Smoke test of the packaged Linux workbench (docs/packaging.md): builds the app-image with
# packaging/build-linux.sh (unless --no-build), then through its console launcher `sanlian`
#   - scores the demo files and checks the result equals the jar's own `score` of the same files,
#   - exports the demo meeting workbook and checks its sheets,
#   - creates a demo database and starts the window on it under Xvfb until it reports itself usable,
#     then once more showing every screen in turn,
# printing each step's whole-process time. Not part of .ci/run (building the image takes minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
[[ ${1:-} == --no-build ]] || bash packaging/build-linux.sh
image=target/package/sanlian-workbench
cli=$image/bin/sanlian
work=$(mktemp -d)
trap 'rm -rf "$work"; [[ -n ${xvfb:-} ]] && kill $xvfb 2>/dev/null || true' EXIT
res=src/main/resources/org/sanlian/workbench
files=(--scheme $res/schemes/sanlian-2025.scheme.json --data $res/demo/data.csv --targets $res/demo/targets.csv --period 2025)

timed() { # label, command... (its standard output is dropped)
    local label=$1 start end
    shift
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    printf '%-28s %.2f s\n' "$label" "$(echo "$end - $start" | bc)"
}

timed "score (packaged)" "$cli" score "${files[@]}" --out "$work/packaged.csv"
java -jar target/sanlian-workbench.jar score "${files[@]}" --out "$work/jar.csv" >/dev/null
cmp "$work/packaged.csv" "$work/jar.csv" || { echo "the packaged score differs from the jar's" >&2; exit 1; }

timed "export (packaged)" "$cli" export "${files[@]}" --out "$work/demo.xlsx" --date 2026-01-15
for sheet in 总排名 指标得分明细 末位约谈名单 图表 说明; do
    unzip -p "$work/demo.xlsx" xl/workbook.xml | grep -q "name=\"$sheet\"" \
        || { echo "the exported workbook has no sheet $sheet" >&2; exit 1; }
done

"$cli" db init --demo --db "$work/w.db" --operator 冒烟 >/dev/null
if [[ -z ${DISPLAY:-} ]]; then
    display=:$((80 + RANDOM % 9))
    Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb=$!
    sleep 1
    export DISPLAY=$display
fi
start=$(date +%s.%N)
usable=$(JAVA_TOOL_OPTIONS="-Dsanlian.startup.probe=1 -Dsanlian.startup.exit=true -Dsanlian.startup.t0=$(date +%s%3N) -Djava.util.prefs.userRoot=$work/prefs" \
    SANLIAN_DATA="$work" timeout 120 "$image/bin/sanlian-workbench" --db "$work/w.db" 2>&1 \
    | grep -o 'usable-ms=[0-9]*' || true)
end=$(date +%s.%N)
[[ -n $usable ]] || { echo "the window did not become usable" >&2; exit 1; }
printf '%-28s %s ms (whole process %.2f s)\n' "window usable (packaged)" "${usable#usable-ms=}" "$(echo "$end - $start" | bc)"
# every screen shown once, in turn, in the packaged image (ui/StartupProbe's tour)
toured=$(JAVA_TOOL_OPTIONS="-Dsanlian.startup.probe=1 -Dsanlian.startup.tour=true -Dsanlian.startup.exit=true -Djava.util.prefs.userRoot=$work/prefs" \
    SANLIAN_DATA="$work" timeout 180 "$image/bin/sanlian-workbench" --db "$work/w.db" 2>&1 \
    | grep -o 'toured=[0-9]*' || true)
[[ -n $toured ]] || { echo "the window did not show every screen" >&2; exit 1; }
printf '%-28s %s\n' "screens shown (packaged)" "${toured#toured=}"
echo "smoke test passed"
