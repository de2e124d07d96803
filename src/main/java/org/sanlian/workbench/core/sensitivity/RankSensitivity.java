package org.sanlian.workbench.core.sensitivity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.IntConsumer;

import org.sanlian.workbench.core.bottom.BottomListRules;
import org.sanlian.workbench.core.model.Aggregation;
import org.sanlian.workbench.core.model.BottomRule;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.SensitivitySettings;
import org.sanlian.workbench.core.scoring.ScoringSession;
import org.sanlian.workbench.core.scoring.UnitResult;

/**
 * Monte Carlo rank stability (SCORING.md section 8). Each draw multiplies every leaf weight by an
 * independent uniform factor in [1 - spread, 1 + spread] (java.util.Random with the scheme's seed,
 * leaves in scheme order), rescales the weights so that the total full points stay the same in
 * POINTS, and ranks again. Percentiles are nearest-rank: the ceil(p/100 * draws)-th smallest rank.
 */
public final class RankSensitivity {

    private RankSensitivity() {
    }

    public static SensitivityResult run(ScoringSession session, Period period, SensitivitySettings settings) {
        return run(session, period, settings, DrawProgress.NONE);
    }

    /** As {@link #run(ScoringSession, Period, SensitivitySettings)}, telling {@code progress} after each draw. */
    public static SensitivityResult run(ScoringSession session, Period period, SensitivitySettings settings,
                                        IntConsumer progress) {
        return run(session, period, settings, (DrawProgress) (done, total) -> progress.accept(done));
    }

    /**
     * As {@link #run(ScoringSession, Period, SensitivitySettings)}, telling {@code progress} after each
     * draw and asking it before each whether to stop.
     *
     * @throws CancellationException when {@code progress} asked to stop; nothing is returned then
     */
    public static SensitivityResult run(ScoringSession session, Period period, SensitivitySettings settings,
                                        DrawProgress progress) {
        List<UnitResult> base = session.rank(period);
        int nu = base.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < nu; i++) {
            index.put(base.get(i).unit().code(), i);
        }
        int draws = settings.draws();
        int[][] ranks = new int[nu][draws];
        int[] listed = new int[nu];
        double[] weights = session.leafWeights();
        double full = Arrays.stream(weights).sum();
        boolean points = session.scheme().aggregation() == Aggregation.POINTS;
        Random random = new Random(settings.seed());
        double a = settings.spread();
        double[] w = new double[weights.length];
        for (int d = 0; d < draws; d++) {
            if (progress.stopRequested()) {
                throw new CancellationException("rank sensitivity stopped after " + d + " of " + draws + " draws");
            }
            double sum = 0;
            for (int l = 0; l < w.length; l++) {
                w[l] = weights[l] * (1 - a + 2 * a * random.nextDouble());
                sum += w[l];
            }
            if (points) {
                double scale = full / sum;
                for (int l = 0; l < w.length; l++) {
                    w[l] *= scale;
                }
            }
            List<UnitResult> rows = session.rank(period, w);
            Map<String, Set<BottomRule.Kind>> listings = BottomListRules.listings(session.scheme(), rows);
            for (UnitResult r : rows) {
                int i = index.get(r.unit().code());
                ranks[i][d] = r.rank();
                if (BottomListRules.interview(listings.get(r.unit().code()))) {
                    listed[i]++;
                }
            }
            progress.drawn(d + 1, draws);
        }
        List<UnitSensitivity> out = new ArrayList<>(nu);
        for (int i = 0; i < nu; i++) {
            int[] sorted = ranks[i].clone();
            Arrays.sort(sorted);
            out.add(new UnitSensitivity(base.get(i).unit().code(), base.get(i).rank(), nearestRank(sorted, 50),
                    nearestRank(sorted, 5), nearestRank(sorted, 95), draws == 0 ? 0.0 : (double) listed[i] / draws,
                    draws == 0 ? base.get(i).rank() : sorted[0], draws == 0 ? base.get(i).rank() : sorted[draws - 1]));
        }
        return new SensitivityResult(session.scheme(), period, settings, out);
    }

    /** The ceil(p/100 * n)-th smallest of sorted values (at least the first). */
    static int nearestRank(int[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int k = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(1, Math.min(k, sorted.length)) - 1];
    }
}
