package org.sanlian.workbench.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sanlian.workbench.core.scoring.expr.Expression;
import org.sanlian.workbench.core.scoring.expr.ExpressionException;

/** The derived-expression language of FORMATS.md: syntax, precedence and errors with positions. */
class ExpressionTest {

    private static final Map<String, Double> NOW = Map.of("A", 6.0, "B", 3.0, "_c1", 2.0);
    private static final Map<String, Double> BEFORE = Map.of("A", 4.0);

    private static double eval(String text) {
        Expression.Resolver r = new Expression.Resolver() {
            public double value(String code) {
                return NOW.getOrDefault(code, Double.NaN);
            }

            public double previous(String code) {
                return BEFORE.getOrDefault(code, Double.NaN);
            }
        };
        return Expression.parse(text).evaluate(r, new Expression.Outcome());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {
            "A + B * 2; 12",
            "(A + B) * 2; 18",
            "A / B / 2; 1",
            "A - B - 1; 2",
            "-A + 10; 4",
            "--A; 6",
            "A * -B; -18",
            "1.5e1 + 2E-1; 15.2",
            "prev(A); 4",
            "(A - prev(A)) / prev(A) * 100; 50",
            "min(A, B, _c1); 2",
            "max(A, B); 6",
            "abs(B - A); 3",
            "  A  ; 6"})
    void evaluates(String text, double expected) {
        assertThat(eval(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} fails with {1} at {2}")
    @CsvSource(delimiter = ';', value = {
            "A +; expr.unexpected-end; 3",
            "A ^ 2; expr.unexpected; 2",
            "(A + B; expr.expected-end; 6",
            "min(A); expr.arity; 0",
            "abs(A, B); expr.arity; 0",
            "prev(1); expr.prev-needs-code; 5",
            "max + 1; expr.reserved; 0",
            "1e; expr.bad-number; 1",
            "2A; expr.unexpected; 1",
            "''; expr.empty; 0",
            "A B; expr.unexpected; 2"})
    void refusesWithThePosition(String text, String code, int position) {
        assertThatThrownBy(() -> Expression.parse(text))
                .isInstanceOfSatisfying(ExpressionException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.position()).isEqualTo(position);
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"A + prev(B) * C; A|B|C; B"})
    void listsTheCodesItReads(String text, String refs, String prevRefs) {
        Expression e = Expression.parse(text);
        assertThat(String.join("|", e.references())).isEqualTo(refs);
        assertThat(String.join("|", e.previousReferences())).isEqualTo(prevRefs);
    }
}
