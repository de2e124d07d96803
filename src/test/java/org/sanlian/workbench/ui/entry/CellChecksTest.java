package org.sanlian.workbench.ui.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Observation;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.i18n.Messages;

/** The checks of a value as it is entered: what is refused, and what is kept but marked. */
class CellChecksTest {

    private static final EntryColumn AMOUNT = new EntryColumn("RD_EXP", "R&D经费", "万元", EntryColumn.Kind.INPUT,
            OptionalDouble.of(0), OptionalDouble.empty(), false);
    private static final EntryColumn SHARE = new EntryColumn("QIYOU", "覆盖率", "%", EntryColumn.Kind.INPUT,
            OptionalDouble.of(0), OptionalDouble.of(100), false);
    private static final EntryColumn COUNT = new EntryColumn("HTE", "高企数", "家", EntryColumn.Kind.INPUT,
            OptionalDouble.of(0), OptionalDouble.empty(), true);
    private static final EntryColumn BONUS = new EntryColumn("B_LAB", "省实验室", "", EntryColumn.Kind.BONUS,
            OptionalDouble.of(0), OptionalDouble.empty(), false);
    private static final EntryColumn VETO = new EntryColumn("V_FRAUD", "弄虚作假", "", EntryColumn.Kind.VETO,
            OptionalDouble.of(0), OptionalDouble.empty(), false);
    private static final List<EntryColumn> ALL = List.of(AMOUNT, SHARE, COUNT, BONUS, VETO);

    @BeforeAll
    static void chinese() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }

    private static CellChecks checks(Period period, Observation... previous) {
        return new CellChecks(period, new DataSet(List.of(previous)), Map.of("A", "甲县", "B", "乙县", "Z", "开发区"));
    }

    private static EntryGrid grid(String... unitCodeValue) {
        Map<EntryGrid.Key, EntryCell> cells = new HashMap<>();
        for (int i = 0; i < unitCodeValue.length; i += 3) {
            cells.put(new EntryGrid.Key(unitCodeValue[i], unitCodeValue[i + 1]),
                    new EntryCell(OptionalDouble.of(Double.parseDouble(unitCodeValue[i + 2])), "", ""));
        }
        return new EntryGrid(cells);
    }

    @Test
    void valuesTheSchemeForbidsAreRefused() {
        CellChecks c = checks(Period.year(2025));
        assertThat(c.refusal(AMOUNT, -1)).hasValue("值 -1 小于方案允许的最小值 0（计量单位：万元）。请核对数值和计量单位。");
        assertThat(c.refusal(SHARE, 100.5)).hasValueSatisfying(r -> assertThat(r).contains("最大值 100"));
        assertThat(c.refusal(COUNT, 3.5)).hasValue("此项只能是整数，而此处为 3.5。请改为整数。");
        assertThat(c.refusal(BONUS, -2)).hasValueSatisfying(r -> assertThat(r).contains("不能为负数"));
        assertThat(c.refusal(AMOUNT, 0)).isEmpty();
        assertThat(c.refusal(SHARE, 100)).isEmpty();
        assertThat(c.refusal(COUNT, 12)).isEmpty();
    }

    @Test
    void anOutlierIsMoreThanThreeTimesOrUnderAThirdOfThePreviousPeriod() {
        CellChecks c = checks(Period.year(2025), Observation.of("2024", "A", "RD_EXP", 1000),
                Observation.of("2024", "A", "HTE", 2), Observation.of("2024", "B", "HTE", 20),
                Observation.of("2024", "A", "V_FRAUD", 0));
        Map<EntryGrid.Key, String> w = c.warnings(grid("A", "RD_EXP", "3001", "A", "HTE", "8", "B", "HTE", "61",
                "A", "V_FRAUD", "1"), List.of("A", "B"), ALL);
        assertThat(w.get(new EntryGrid.Key("A", "RD_EXP"))).isEqualTo(
                "是上期（2024：1000）的 3 倍，超出上期的三分之一到三倍。请核对；数值无误可以保留，最好在备注中说明原因。");
        assertThat(w).doesNotContainKey(new EntryGrid.Key("A", "HTE")); // 2 to 8 teams: small counts are not compared
        assertThat(w).containsKey(new EntryGrid.Key("B", "HTE"));
        assertThat(w).doesNotContainKey(new EntryGrid.Key("A", "V_FRAUD"));

        assertThat(c.warnings(grid("A", "RD_EXP", "3000"), List.of("A"), ALL)).isEmpty();
        assertThat(c.warnings(grid("A", "RD_EXP", "333.4"), List.of("A"), ALL)).isEmpty();
        assertThat(c.warnings(grid("A", "RD_EXP", "333.3"), List.of("A"), ALL)).hasSize(1);
        assertThat(c.warnings(grid("A", "RD_EXP", "0"), List.of("A"), ALL)).isEmpty();
    }

    @Test
    void aCumulativeCountThatDropsWithinTheYearIsMarked() {
        Period q3 = Period.parse("2025Q3").orElseThrow();
        CellChecks c = checks(q3, new Observation(Period.parse("2025Q2").orElseThrow(), "A", "HTE",
                OptionalDouble.of(120), ""));
        assertThat(c.warnings(grid("A", "HTE", "118"), List.of("A"), ALL).get(new EntryGrid.Key("A", "HTE")))
                .isEqualTo("累计数比同年上期（2025Q2：120）还少，累计数不应减少。请核对。");
        assertThat(c.warnings(grid("A", "HTE", "121"), List.of("A"), ALL)).isEmpty();
        // a new year starts counting again
        CellChecks q1 = checks(Period.parse("2026Q1").orElseThrow(), new Observation(
                Period.parse("2025Q4").orElseThrow(), "A", "HTE", OptionalDouble.of(120), ""));
        assertThat(q1.warnings(grid("A", "HTE", "60"), List.of("A"), ALL)).isEmpty();
    }

    @Test
    void anAmountEqualToAnotherUnitsIsMarkedOnBothButSharesAndCountsAreNot() {
        CellChecks c = checks(Period.year(2025));
        Map<EntryGrid.Key, String> w = c.warnings(grid("A", "RD_EXP", "182345.6", "Z", "RD_EXP", "182345.6",
                "A", "QIYOU", "71.43", "B", "QIYOU", "71.43", "A", "HTE", "12", "B", "HTE", "12"),
                List.of("A", "B", "Z"), ALL);
        assertThat(w).containsOnlyKeys(new EntryGrid.Key("A", "RD_EXP"), new EntryGrid.Key("Z", "RD_EXP"));
        assertThat(w.get(new EntryGrid.Key("Z", "RD_EXP"))).startsWith("与甲县的数值完全相同");
        assertThat(w.get(new EntryGrid.Key("A", "RD_EXP"))).startsWith("与开发区的数值完全相同");
    }
}
