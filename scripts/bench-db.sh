#!/usr/bin/env bash
# The database benchmark (docs/performance.md, "Database"): generates a 3,000 units x 120 indicators
# scheme and a 10-period data file (3.6 million rows), then times `db init` and the whole `db import`
# as processes of their own, and the loading of one period and of a whole assessment (median of 5).
# Run by hand (a few minutes, ~1 GB of disk under target/bench-db); never part of `mvn verify`.
# Arguments (all optional): [folder] [units] [indicators] [periods] [repeats].
# BENCH_CHILD_OPTS: extra JVM options for the init/import processes (e.g. to profile them).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2 " GiB"}'), $(java -version 2>&1 | head -1)"
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    org.sanlian.workbench.bench.DatabaseBenchmark "$@"
