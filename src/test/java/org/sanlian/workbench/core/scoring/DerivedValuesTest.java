package org.sanlian.workbench.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.sanlian.workbench.core.TestSchemes;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.Derived;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Input;
import org.sanlian.workbench.core.model.Method;
import org.sanlian.workbench.core.model.Rule;

/** Derived indicators (SCORING.md section 4) as the engine computes them for scoring. */
class DerivedValuesTest {

    private static TestSchemes withDerived(String code, String expr) {
        TestSchemes s = TestSchemes.oneZone(2);
        s.inputs.add(new Input("X", "X", "", OptionalDouble.empty(), OptionalDouble.empty(), false));
        s.inputs.add(new Input("Y", "Y", "", OptionalDouble.empty(), OptionalDouble.empty(), false));
        s.derived.add(new Derived(code, expr));
        s.tree.add(Indicator.of(code, code, 10, Rule.of(Method.MIN_MAX)));
        return s;
    }

    @Test
    void ratioOfInputs() {
        TestSchemes s = withDerived("R", "X / Y * 100");
        s.values("2025", "X", 3, 1).values("2025", "Y", 200, 400);
        PeriodResult r = s.score("2025");
        assertThat(r.row("U1").orElseThrow().leaves().get(0).value()).hasValue(1.5);
        assertThat(r.row("U2").orElseThrow().leaves().get(0).value()).hasValue(0.25);
    }

    @Test
    void prevReadsThePreviousPeriodOfTheSameKind() {
        TestSchemes s = withDerived("G", "(X - prev(X)) / prev(X) * 100");
        s.values("2024", "X", 100, 50).values("2025", "X", 110, 40);
        PeriodResult r = s.score("2025");
        assertThat(r.row("U1").orElseThrow().leaves().get(0).value().getAsDouble()).isCloseTo(10, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(r.row("U2").orElseThrow().leaves().get(0).value().getAsDouble()).isCloseTo(-20, org.assertj.core.api.Assertions.within(1e-12));
        UnitResult first = s.score("2024").row("U1").orElseThrow();
        assertThat(first.leaves().get(0).value()).isEmpty();
        assertThat(first.flags()).containsExactlyInAnyOrder("missing:G", "warning:G:missing-operand");
    }

    @Test
    void divisionByZeroGivesAMissingValueAndAWarning() {
        TestSchemes s = withDerived("R", "X / Y");
        s.values("2025", "X", 1, 1).values("2025", "Y", 0, 2);
        UnitResult u1 = s.score("2025").row("U1").orElseThrow();
        assertThat(u1.leaves().get(0).value()).isEmpty();
        assertThat(u1.flags()).containsExactlyInAnyOrder("missing:R", "warning:R:division-by-zero");
    }

    @Test
    void derivedMayUseDerivedAndFunctions() {
        TestSchemes s = withDerived("T", "max(S, 2, abs(-1)) + min(X, Y)");
        s.derived.add(0, new Derived("S", "X * -2 + 1e1"));
        s.values("2025", "X", 3, 1).values("2025", "Y", 5, -7);
        PeriodResult r = s.score("2025");
        // U1: S = 4, T = max(4, 2, 1) + 3 = 7; U2: S = 8, T = 8 + -7 = 1
        assertThat(r.row("U1").orElseThrow().leaves().get(0).value()).hasValue(7.0);
        assertThat(r.row("U2").orElseThrow().leaves().get(0).value()).hasValue(1.0);
    }

    @Test
    void aMissingOperandPropagatesThroughDerivedChains() {
        TestSchemes s = withDerived("T", "S + 1");
        s.derived.add(new Derived("S", "X / Y"));
        s.values("2025", "X", 1, 1).values("2025", "Y", 0, 1);
        UnitResult u1 = s.score("2025").row("U1").orElseThrow();
        assertThat(u1.flags()).containsExactlyInAnyOrder("missing:T", "warning:S:division-by-zero",
                "warning:T:missing-operand");
    }

    @Test
    void aCycleIsASchemeError() {
        TestSchemes s = withDerived("A", "B + 1");
        s.derived.add(new Derived("B", "A * 2"));
        assertThatThrownBy(() -> s.score("2025")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("scheme.derived-cycle");
    }

    @Test
    void prevOfItselfCountsAsACycle() {
        TestSchemes s = withDerived("A", "prev(A) + 1");
        assertThatThrownBy(() -> s.score("2025")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("scheme.derived-cycle");
    }
}
