package org.sanlian.workbench.app;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.WeakHashMap;
import java.util.function.IntConsumer;

import org.sanlian.workbench.core.bottom.EscapeMarginSearch;
import org.sanlian.workbench.core.bottom.PeriodAssessor;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.SensitivitySettings;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.core.scoring.ScoringEngine;
import org.sanlian.workbench.core.scoring.ScoringSession;
import org.sanlian.workbench.core.sensitivity.DrawProgress;
import org.sanlian.workbench.core.sensitivity.RankSensitivity;
import org.sanlian.workbench.core.sensitivity.SensitivityResult;

/**
 * Scoring use cases shared by the window and the command line: results of a period, the bottom list
 * with escape margins, and rank sensitivity. Compiled schemes are kept while the scheme is in use.
 */
public final class ScoringService {

    private final Map<Scheme, ScoringEngine> engines = new WeakHashMap<>();

    /** The periods that have results (the data holds a value for them), in time order. */
    public List<Period> periods(Assessment assessment) {
        return List.copyOf(assessment.data().periods());
    }

    /** Scores, ranks and lists a period (no escape margins: see {@link #bottomList}). */
    public PeriodResult score(Assessment assessment, Period period) {
        return PeriodAssessor.assess(session(assessment, period), period);
    }

    /** As {@link #score}, with the escape margins of every entry listed by BOTTOM_N_PER_ZONE or BELOW_SCORE. */
    public PeriodResult bottomList(Assessment assessment, Period period) {
        ScoringSession session = session(assessment, period);
        return EscapeMarginSearch.withEscapeMargins(session, PeriodAssessor.assess(session, period));
    }

    /**
     * The values of {@code codes} as the engine scores them in {@code period} (entered, or computed
     * for derived indicators; before any imputation), by unit code and then code; a missing value is
     * left out. Needs no targets, so it also serves periods whose commitments are still incomplete.
     */
    public Map<String, Map<String, Double>> values(Assessment assessment, Period period, Collection<String> codes) {
        ScoringSession session = session(assessment, period);
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (Unit unit : assessment.scheme().units()) {
            Map<String, Double> byCode = new LinkedHashMap<>();
            for (String code : codes) {
                OptionalDouble v = session.value(period, unit.code(), code);
                if (v.isPresent()) {
                    byCode.put(code, v.getAsDouble());
                }
            }
            out.put(unit.code(), Map.copyOf(byCode));
        }
        return out;
    }

    public SensitivityResult sensitivity(Assessment assessment, Period period, SensitivitySettings settings,
                                         IntConsumer progress) {
        return RankSensitivity.run(session(assessment, period), period, settings, progress);
    }

    /**
     * As above, watched by {@code progress}, which may stop the run between draws: then
     * {@link CancelledException} is thrown and nothing is returned.
     */
    public SensitivityResult sensitivity(Assessment assessment, Period period, SensitivitySettings settings,
                                         DrawProgress progress) {
        try {
            return RankSensitivity.run(session(assessment, period), period, settings, progress);
        } catch (java.util.concurrent.CancellationException e) {
            throw new CancelledException();
        }
    }

    private ScoringSession session(Assessment assessment, Period period) {
        Scheme scheme = assessment.scheme();
        if (period.kind() != scheme.periodKind()) {
            throw new ValidationException(Issue.of("--period", "score.period-kind", period, scheme.periodKind()));
        }
        if (!assessment.data().hasValues(period)) {
            throw new ValidationException(Issue.of("--period", "score.no-data", period,
                    String.join(", ", assessment.data().periods().stream().map(Period::toString).toList())));
        }
        ScoringEngine engine;
        synchronized (engines) {
            engine = engines.computeIfAbsent(scheme, ScoringEngine::new);
        }
        return engine.session(assessment.data(), assessment.targets());
    }
}
