package org.sanlian.workbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.i18n.Messages;

/** Figures entered by hand: read as the Excel importer reads numbers, checked as data rows, written in one go. */
class FigureEntryServiceTest {

    private static final Period P2025 = Period.year(2025);

    @TempDir
    Path dir;

    private WorkbenchDatabase db;

    @BeforeEach
    void open() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        db = WorkbenchDatabase.openOrCreateDemo(dir.resolve("w.db"), "tester");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private OptionalDouble kept(String unit, String code) {
        return FigureEntryService.sheet(db, P2025).figures().stream()
                .filter(f -> f.unit().equals(unit) && f.code().equals(code)).findFirst()
                .map(FigureEntryService.Kept::value).orElse(OptionalDouble.empty());
    }

    @Test
    void numbersAreReadAsTheExcelImporterReadsThem() {
        assertThat(FigureEntryService.readNumber("１２３．５")).hasValue(new FigureEntryService.Reading(123.5, true));
        assertThat(FigureEntryService.readNumber("1,234,567")).hasValue(new FigureEntryService.Reading(1234567, true));
        assertThat(FigureEntryService.readNumber(" 42 ")).hasValue(new FigureEntryService.Reading(42, false));
        assertThat(FigureEntryService.readNumber("12%")).isEmpty();
        assertThat(FigureEntryService.readNumber("3家")).isEmpty();
        assertThat(FigureEntryService.readNumber("")).isEmpty();
    }

    @Test
    void theSheetHasThePeriodsFiguresAndThePreviousOnes() {
        FigureEntryService.Sheet sheet = FigureEntryService.sheet(db, P2025);
        assertThat(sheet.schemeYear()).isEqualTo(2025);
        assertThat(sheet.scheme().units()).hasSize(10);
        assertThat(sheet.figures()).isNotEmpty().allSatisfy(f -> assertThat(f.source()).isEqualTo("示例数据"));
        assertThat(sheet.previous().value(Period.year(2024), "331102", "GDP")).isPresent();
    }

    @Test
    void changesAreWrittenTogetherUnderTheirSourcesAndABlankCellRemovesItsFigure() {
        int changed = FigureEntryService.save(db, P2025, List.of(
                new FigureEntryService.Change("331102", "HTE", OptionalDouble.of(140), "", ""),
                new FigureEntryService.Change("331121", "GDP", OptionalDouble.of(401.5), "快报", "统计局"),
                new FigureEntryService.Change("331122", "B_LAB", OptionalDouble.empty(), "", "")), "李四");
        assertThat(changed).isEqualTo(3);
        assertThat(kept("331102", "HTE")).hasValue(140);
        assertThat(kept("331122", "B_LAB")).isEmpty();
        FigureEntryService.Kept gdp = FigureEntryService.sheet(db, P2025).figures().stream()
                .filter(f -> f.unit().equals("331121") && f.code().equals("GDP")).findFirst().orElseThrow();
        assertThat(gdp.source()).isEqualTo("统计局");
        assertThat(gdp.note()).isEqualTo("快报");
        assertThat(gdp.operator()).isEqualTo("李四");
    }

    @Test
    void aValueTheSchemeForbidsRefusesTheWholeSaveAndNamesTheCell() {
        assertThatThrownBy(() -> FigureEntryService.save(db, P2025, List.of(
                new FigureEntryService.Change("331102", "HTE", OptionalDouble.of(150), "", ""),
                new FigureEntryService.Change("331102", "HTE_X", OptionalDouble.of(1), "", ""),
                new FigureEntryService.Change("331121", "LVGU", OptionalDouble.of(2.5), "", "")), "李四"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).issues()).extracting(i -> i.where())
                        .contains("莲都区 · HTE_X", "青田县 · LVGU"));
        assertThat(kept("331102", "HTE")).isNotEqualTo(OptionalDouble.of(150));
    }

    @Test
    void cityFiguresAreSavedWithTheUnitsFiguresInOneTransactionAndReadBackWithTheSheet() {
        assertThat(FigureEntryService.sheet(db, P2025).cityFigures()).isEmpty();
        int changed = FigureEntryService.save(db, P2025, List.of(
                new FigureEntryService.Change("331102", "HTE", OptionalDouble.of(140), "", "")), List.of(
                new FigureEntryService.CityChange("GDP", OptionalDouble.of(1850), "快报", "市统计局"),
                new FigureEntryService.CityChange("HTE", OptionalDouble.of(700), "", "")), "李四");
        assertThat(changed).isEqualTo(3);
        assertThat(FigureEntryService.sheet(db, P2025).cityFigures()).containsExactly(
                new FigureEntryService.Kept(FigureEntryService.CITY, "GDP", OptionalDouble.of(1850), "快报", "市统计局",
                        "李四", FigureEntryService.sheet(db, P2025).cityFigures().get(0).changedAt()),
                new FigureEntryService.Kept(FigureEntryService.CITY, "HTE", OptionalDouble.of(700), "",
                        FigureEntryService.MANUAL_SOURCE, "李四",
                        FigureEntryService.sheet(db, P2025).cityFigures().get(1).changedAt()));
        assertThat(FigureEntryService.sheet(db, Period.year(2024)).cityFigures()).isEmpty();

        // a blank city cell removes the figure; a unit's figure refused refuses the city figures too
        assertThat(FigureEntryService.save(db, P2025, List.of(), List.of(
                new FigureEntryService.CityChange("HTE", OptionalDouble.empty(), "", "")), "李四")).isEqualTo(1);
        assertThatThrownBy(() -> FigureEntryService.save(db, P2025, List.of(
                new FigureEntryService.Change("331121", "LVGU", OptionalDouble.of(2.5), "", "")), List.of(
                new FigureEntryService.CityChange("GDP", OptionalDouble.of(1900), "", "")), "李四"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> FigureEntryService.save(db, P2025, List.of(), List.of(
                new FigureEntryService.CityChange("B_LAB", OptionalDouble.of(1), "", "")), "李四"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> FigureEntryService.save(db, P2025, List.of(), List.of(
                new FigureEntryService.CityChange("GDP", OptionalDouble.of(-1), "", "")), "李四"))
                .isInstanceOf(ValidationException.class);
        assertThat(FigureEntryService.sheet(db, P2025).cityFigures()).extracting(FigureEntryService.Kept::code,
                FigureEntryService.Kept::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("GDP", OptionalDouble.of(1850)));
        assertThat(db.check()).isEmpty();
    }
}
