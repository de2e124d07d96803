package org.sanlian.workbench.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sanlian.workbench.app.Assessment;
import org.sanlian.workbench.app.AssessmentFiles;
import org.sanlian.workbench.core.bottom.PeriodAssessor;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.core.scoring.ScoringEngine;

/**
 * A full scoring (values, rules, aggregation, rounding, both rankings, bottom list with weakest
 * indicators) of the large generated case: 3,000 units x 120 MIN_MAX indicators in a four-level
 * ARITHMETIC tree with missing values. The scheme is compiled once (as the workbench does); each
 * invocation opens a fresh session so nothing is cached between invocations.
 * Run: {@code scripts/bench.sh} (see docs/performance.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class ScoringBenchmark {

    private LargeCase large;
    private ScoringEngine engine;
    private Assessment demo;
    private ScoringEngine demoEngine;
    private final Period demoPeriod = Period.year(2025);

    @Setup(Level.Trial)
    public void setUp() {
        large = new LargeCase(3000, 120, 42);
        engine = new ScoringEngine(large.scheme);
        demo = AssessmentFiles.demo();
        demoEngine = new ScoringEngine(demo.scheme());
    }

    /** The default 三链 scheme on the demo data, 2025: ten units, 17 indicators, 5 derived, 2025 and 2024 (rank change, CONSECUTIVE). */
    @Benchmark
    public PeriodResult scoreDefaultScheme() {
        return PeriodAssessor.assess(demoEngine.session(demo.data(), demo.targets()), demoPeriod);
    }

    @Benchmark
    public PeriodResult scoreLargeCase() {
        return PeriodAssessor.assess(engine.session(large.data, org.sanlian.workbench.core.model.DataSet.empty()), large.period);
    }
}
