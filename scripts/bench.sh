#!/usr/bin/env bash
# Runs the JMH scoring benchmarks (docs/performance.md). Extra arguments go to JMH, e.g. a name filter.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main "${@:-ScoringBenchmark}"
