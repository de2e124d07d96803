package org.sanlian.workbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.sanlian.workbench.core.bottom.BottomEntry;
import org.sanlian.workbench.core.bottom.Level;
import org.sanlian.workbench.core.model.Method;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.core.scoring.UnitResult;

/**
 * The shipped default scheme and simulated demo data: they load, they are marked simulated, and
 * every rule and every bottom-list rule has something to show in some year (issue 2, item 6).
 */
class DemoAssessmentTest {

    private final Assessment demo = AssessmentFiles.demo();
    private final ScoringService scoring = new ScoringService();

    private List<PeriodResult> allYears() {
        return scoring.periods(demo).stream().map(p -> scoring.score(demo, p)).toList();
    }

    @Test
    void theDefaultSchemeIsThe三链SchemeOfTheProduct() {
        assertThat(demo.simulated()).isTrue();
        assertThat(demo.scheme().units()).hasSize(10);
        assertThat(demo.scheme().zones()).extracting(z -> z.name()).containsExactly("跨越发展类", "生态发展类");
        assertThat(demo.scheme().leaves()).hasSize(17);
        assertThat(demo.scheme().tree()).extracting(n -> n.name()).containsExactly("产业链", "创新链", "人才链");
        double full = demo.scheme().leaves().stream().mapToDouble(l -> l.weight()).sum();
        assertThat(full).isEqualTo(100.0);
        assertThat(demo.scheme().leaves().stream().map(l -> l.rule().method()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Method.TARGET_COMPLETION, Method.EFFICACY, Method.CLEAR_ZERO,
                        Method.THRESHOLD, Method.BREAK_ZERO, Method.RANK_POINTS);
        assertThat(scoring.periods(demo)).contains(Period.year(2023), Period.year(2024), Period.year(2025));
    }

    @Test
    void everyBottomListRuleListsSomeoneInSomeYear() {
        Set<String> rules = allYears().stream().flatMap(r -> r.bottomList().stream())
                .flatMap(e -> e.rules().stream()).collect(Collectors.toSet());
        assertThat(rules).contains("BOTTOM_N_PER_ZONE", "BELOW_SCORE", "VETO", "DIMENSION_LAST", "CONSECUTIVE");
        Set<Level> levels = allYears().stream().flatMap(r -> r.bottomList().stream()).map(BottomEntry::level)
                .collect(Collectors.toSet());
        assertThat(levels).contains(Level.NORMAL, Level.ESCALATED, Level.REMINDER);
    }

    @Test
    void capsMissingValuesAndVetoesShowUp() {
        List<UnitResult> rows = allYears().stream().flatMap(r -> r.rows().stream()).toList();
        assertThat(rows).anyMatch(UnitResult::vetoed);
        assertThat(rows).anyMatch(u -> u.bonus() == demo.scheme().bonusCap());
        assertThat(rows).anyMatch(u -> u.penalty() > 0);
        assertThat(rows).anyMatch(u -> u.flags().stream().anyMatch(f -> f.startsWith("missing:")));
        assertThat(rows).anyMatch(u -> u.rankChange().isPresent() && u.rankChange().getAsInt() != 0);
        // a commitment beaten beyond the cap: points above the leaf's weight
        assertThat(rows).anyMatch(u -> u.leaves().stream().anyMatch(l -> l.points().isPresent()
                && l.points().getAsDouble() > demo.scheme().leaves().stream()
                        .filter(x -> x.code().equals(l.code())).findFirst().orElseThrow().weight()));
    }
}
