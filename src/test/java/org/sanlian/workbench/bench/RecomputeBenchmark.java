package org.sanlian.workbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sanlian.workbench.app.Assessment;
import org.sanlian.workbench.app.FigureEntryService;
import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.report.MeetingReport;
import org.sanlian.workbench.core.report.ReportBuilder;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.io.chart.ChartData;
import org.sanlian.workbench.io.chart.MeetingCharts;
import org.sanlian.workbench.ui.results.UnitBreakdown;

/**
 * What the window does after one edit on the default scheme, without the paint (issue 6: within
 * 16 ms): the results screen reads the period's assessment again from the database (the scheme of
 * its year, every period's figures and targets up to it) and scores it (values, rules, tree, both
 * rankings, rank change, the bottom list). {@code editThenRecompute} also keeps the edit first, as
 * 数据录入's 保存 does (one audited transaction on the database file). Run on a demo database made
 * with {@code openOrCreateDemo}, 2025, with the scoring service kept across invocations as the
 * window keeps it. Run: {@code scripts/bench.sh RecomputeBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class RecomputeBenchmark {

    private final Period period = Period.year(2025);
    private Path dir;
    private WorkbenchDatabase db;
    private final ScoringService scoring = new ScoringService();
    private String unit;
    private String code;
    private double value;
    private int edits;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("recompute-bench");
        db = WorkbenchDatabase.openOrCreateDemo(dir.resolve("bench.db"), "基准");
        Assessment a = db.assessment(period, Optional.empty());
        unit = a.scheme().units().get(0).code();
        code = a.scheme().inputs().get(0).code();
        value = scoring.values(a, period, List.of(code)).get(unit).get(code);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Reading the period's assessment from the database and scoring it: the work after an edit. */
    @Benchmark
    public PeriodResult recompute() {
        return scoring.score(db.assessment(period, Optional.empty()), period);
    }

    /**
     * Everything the results screen computes after an edit before it shows the new ranking: the
     * recompute, the input values its breakdown shows for derived indicators, and the report and
     * zone charts of its 图表 tab (ResultsViewModel's background work).
     */
    @Benchmark
    public List<ChartData> resultsScreenRefresh() {
        Assessment a = db.assessment(period, Optional.empty());
        PeriodResult r = scoring.score(a, period);
        List<String> codes = UnitBreakdown.inputCodes(a.scheme());
        Map<String, Map<String, Double>> values = codes.isEmpty() ? Map.of() : scoring.values(a, period, codes);
        MeetingReport report = ReportBuilder.build(r, List.of(), Optional.empty(), LocalDate.of(2026, 1, 15), "",
                a.simulated(), List.of());
        List<ChartData> charts = new ArrayList<>(MeetingCharts.of(report).stream()
                .map(MeetingCharts.ZoneCharts::totals).toList());
        if (values.isEmpty()) {
            throw new IllegalStateException("the default scheme has derived indicators with inputs");
        }
        return charts;
    }

    /** Keeping one edited figure (audited), then the recompute. */
    @Benchmark
    public PeriodResult editThenRecompute() {
        double next = value * (1 + (++edits % 7) / 100.0);
        FigureEntryService.save(db, period, List.of(new FigureEntryService.Change(unit, code,
                OptionalDouble.of(next), "", "")), "基准");
        return scoring.score(db.assessment(period, Optional.empty()), period);
    }
}
