package org.sanlian.workbench.core.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sanlian.workbench.core.TestSchemes;
import org.sanlian.workbench.core.model.BottomRule;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Method;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Rule;
import org.sanlian.workbench.core.model.SensitivitySettings;
import org.sanlian.workbench.core.scoring.ScoringEngine;
import org.sanlian.workbench.core.scoring.ScoringSession;

/** Monte Carlo rank stability (SCORING.md section 8). */
class RankSensitivityTest {

    /** Two leaves that disagree: U1 strong on A, U2 strong on B, U3 weak on both. */
    private static ScoringSession session() {
        TestSchemes s = TestSchemes.oneZone(3);
        s.tree.add(Indicator.of("A", "A", 50, Rule.of(Method.MIN_MAX)));
        s.tree.add(Indicator.of("B", "B", 50, Rule.of(Method.MIN_MAX)));
        s.bottomRules.add(BottomRule.of(BottomRule.Kind.BOTTOM_N_PER_ZONE));
        s.values("2025", "A", 10, 0, 1).values("2025", "B", 0, 9.9, 0);
        return new ScoringEngine(s.scheme()).session(s.dataSet(), s.targetSet());
    }

    @Test
    void theSameSeedGivesTheSameNumbers() {
        SensitivitySettings settings = new SensitivitySettings(200, 0.2, 7);
        SensitivityResult a = RankSensitivity.run(session(), Period.year(2025), settings);
        SensitivityResult b = RankSensitivity.run(session(), Period.year(2025), settings);
        assertThat(a.units()).isEqualTo(b.units());
    }

    @Test
    void withoutSpreadEveryDrawIsTheUnperturbedRanking() {
        SensitivityResult r = RankSensitivity.run(session(), Period.year(2025), new SensitivitySettings(50, 0, 1));
        for (UnitSensitivity u : r.units()) {
            assertThat(u.medianRank()).isEqualTo(u.rank());
            assertThat(u.p05Rank()).isEqualTo(u.rank());
            assertThat(u.p95Rank()).isEqualTo(u.rank());
            assertThat(u.bestRank()).isEqualTo(u.rank());
            assertThat(u.worstRank()).isEqualTo(u.rank());
        }
        assertThat(r.units()).filteredOn(u -> u.unit().equals("U3")).singleElement()
                .satisfies(u -> assertThat(u.listedShare()).isEqualTo(1.0));
    }

    @Test
    void closeCallsMoveUnderPerturbationAndClearOnesDoNot() {
        SensitivityResult r = RankSensitivity.run(session(), Period.year(2025), new SensitivitySettings(1000, 0.2, 20221022));
        UnitSensitivity u1 = r.units().stream().filter(u -> u.unit().equals("U1")).findFirst().orElseThrow();
        UnitSensitivity u2 = r.units().stream().filter(u -> u.unit().equals("U2")).findFirst().orElseThrow();
        UnitSensitivity u3 = r.units().stream().filter(u -> u.unit().equals("U3")).findFirst().orElseThrow();
        // U1 50 vs U2 49.5 unperturbed: a weight shift of 1% swaps them
        assertThat(u1.rank()).isEqualTo(1);
        assertThat(u1.p05Rank()).isEqualTo(1);
        assertThat(u1.p95Rank()).isEqualTo(2);
        assertThat(u2.p05Rank()).isEqualTo(1);
        assertThat(u3.p05Rank()).isEqualTo(3);
        // the extremes hold the percentiles: U1 is first in some draws and second in others
        assertThat(u1.bestRank()).isEqualTo(1);
        assertThat(u1.worstRank()).isEqualTo(2);
        for (UnitSensitivity u : r.units()) {
            assertThat(u.bestRank()).isLessThanOrEqualTo(u.p05Rank());
            assertThat(u.worstRank()).isGreaterThanOrEqualTo(u.p95Rank());
        }
        assertThat(u3.listedShare()).isEqualTo(1.0);
        assertThat(u1.listedShare()).isEqualTo(0.0);
    }

    @Test
    void nearestRankPercentiles() {
        int[] sorted = {1, 1, 2, 2, 2, 3, 3, 4, 5, 9};
        assertThat(RankSensitivity.nearestRank(sorted, 5)).isEqualTo(1);
        assertThat(RankSensitivity.nearestRank(sorted, 50)).isEqualTo(2);
        assertThat(RankSensitivity.nearestRank(sorted, 95)).isEqualTo(9);
        assertThat(RankSensitivity.nearestRank(sorted, 60)).isEqualTo(3);
    }

    @Test
    void progressIsToldEachDrawOfTheTotal() {
        java.util.List<String> told = new java.util.ArrayList<>();
        RankSensitivity.run(session(), Period.year(2025), new SensitivitySettings(3, 0.2, 7),
                (DrawProgress) (done, total) -> told.add(done + "/" + total));
        assertThat(told).containsExactly("1/3", "2/3", "3/3");
    }

    @Test
    void aStopAskedForEndsTheRunBeforeTheNextDraw() {
        int[] drawn = {0};
        DrawProgress stopAfterFive = new DrawProgress() {
            @Override
            public void drawn(int done, int total) {
                drawn[0] = done;
            }

            @Override
            public boolean stopRequested() {
                return drawn[0] >= 5;
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RankSensitivity.run(session(), Period.year(2025),
                new SensitivitySettings(1000, 0.2, 7), stopAfterFive))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(drawn[0]).isEqualTo(5);
    }
}
