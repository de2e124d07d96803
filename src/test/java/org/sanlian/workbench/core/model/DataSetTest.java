package org.sanlian.workbench.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The data set's look-ups agree with the observations, however the rows are ordered. */
class DataSetTest {

    @Test
    void lookUpsFindTheLastValueOfEachFigureInAnyOrderOfRows() {
        Random random = new Random(7);
        List<Observation> rows = new ArrayList<>();
        Map<String, Double> expected = new java.util.HashMap<>();
        for (int n = 0; n < 5_000; n++) {
            // new string objects each time, as a reader makes them; runs of one unit now and then
            Period period = random.nextBoolean() ? Period.year(2024) : Period.year(2025);
            String unit = new String("U" + random.nextInt(30));
            int run = 1 + random.nextInt(6);
            for (int r = 0; r < run; r++) {
                String code = new String("I" + random.nextInt(40));
                OptionalDouble value = random.nextInt(10) == 0 ? OptionalDouble.empty()
                        : OptionalDouble.of(random.nextInt(1000) / 10.0);
                rows.add(new Observation(period, unit, code, value, ""));
                if (value.isPresent()) {
                    expected.put(period + "|" + unit + "|" + code, value.getAsDouble());
                }
            }
        }
        DataSet data = new DataSet(rows);
        int found = 0;
        for (Period period : List.of(Period.year(2024), Period.year(2025), Period.year(2026))) {
            for (int u = 0; u < 31; u++) {
                for (int c = 0; c < 41; c++) {
                    Double want = expected.get(period + "|U" + u + "|I" + c);
                    OptionalDouble got = data.value(period, "U" + u, "I" + c);
                    if (want == null) {
                        assertThat(got).isEmpty();
                    } else {
                        assertThat(got).hasValue(want);
                        found++;
                    }
                }
            }
        }
        assertThat(found).isEqualTo(expected.size());
        assertThat(data.periods()).containsExactly(Period.year(2024), Period.year(2025));
        assertThat(data.hasValues(Period.year(2026))).isFalse();
        assertThat(data.values(Period.year(2025), "U3")).allSatisfy((code, v) ->
                assertThat(expected.get(Period.year(2025) + "|U3|" + code)).isEqualTo(v));
        // each unit's values as a map: the same entries, sizes, look-ups and equality as a plain map
        for (Period period : List.of(Period.year(2024), Period.year(2025))) {
            for (int u = 0; u < 31; u++) {
                Map<String, Double> want = new java.util.HashMap<>();
                for (int c = 0; c < 41; c++) {
                    Double v = expected.get(period + "|U" + u + "|I" + c);
                    if (v != null) {
                        want.put("I" + c, v);
                    }
                }
                Map<String, Double> got = data.values(period, "U" + u);
                assertThat(got).isEqualTo(want).hasSize(want.size());
                assertThat(want).isEqualTo(got);
                assertThat(got.hashCode()).isEqualTo(want.hashCode());
                assertThat(got.containsKey("I40")).isEqualTo(want.containsKey("I40"));
                assertThat(got.get("nothing")).isNull();
            }
        }
        Map<String, Double> some = data.values(Period.year(2025), "U3");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> some.put("I1", 1.0))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(data.values(Period.year(2026), "U3")).isEmpty();
    }

    @Test
    void aPeriodWithOnlyBlankFiguresHasNoValues() {
        DataSet data = new DataSet(List.of(
                new Observation(Period.year(2024), "U1", "I1", OptionalDouble.empty(), ""),
                new Observation(Period.year(2025), "U1", "I1", OptionalDouble.of(3), "")));
        assertThat(data.hasValues(Period.year(2024))).isFalse();
        assertThat(data.value(Period.year(2025), "U1", "I1")).hasValue(3);
        assertThat(data.value(Period.year(2024), "U1", "I1")).isEmpty();
    }
}
