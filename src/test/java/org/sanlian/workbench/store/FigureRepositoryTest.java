package org.sanlian.workbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanlian.workbench.store.DatabaseTest.exec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.core.model.Observation;
import org.sanlian.workbench.core.model.Period;

class FigureRepositoryTest {

    static final Period Y2023 = Period.year(2023);
    static final Period Y2024 = Period.year(2024);
    static final Period Y2025 = Period.year(2025);

    @TempDir
    Path dir;

    Database db;

    /** What was written, for comparison with what is loaded. */
    final List<Observation> written = new ArrayList<>();

    /**
     * 7 units (ids not in code order), 3 periods; units with fewer, more and other codes than the
     * rest, non-ASCII codes, missing values, exact zeros, negative values and notes here and there.
     */
    @BeforeEach
    void open() {
        db = new Migrator().openAndMigrate(dir.resolve("work.db"));
        List<String> units = List.of("331127", "331102", "331121", "331122", "331123", "331124", "331125");
        db.write("tester", c -> {
            for (String u : units) {
                exec(c, "INSERT INTO unit (code, name) VALUES ('" + u + "', '单位" + u + "')");
            }
            return null;
        });
        SplittableRandom random = new SplittableRandom(7);
        List<String> codes = List.of("A01", "A02", "B01", "B02", "C01", "研发投入", "专利");
        for (Period p : List.of(Y2023, Y2025, Y2024)) {
            for (int u = 0; u < units.size(); u++) {
                for (int k = 0; k < codes.size(); k++) {
                    if (u == 2 && k % 2 == 1 || u == 4 && p.equals(Y2024)) {
                        continue; // a unit with every other code, a unit with no figures in one period
                    }
                    double draw = random.nextDouble();
                    OptionalDouble value = draw < 0.15 ? OptionalDouble.empty()
                            : draw < 0.25 ? OptionalDouble.of(0) : OptionalDouble.of((draw - 0.5) * 1e4 / 3);
                    String note = random.nextDouble() < 0.2 ? "说明 " + u + "/" + k : "";
                    written.add(new Observation(p, units.get(u), codes.get(k), value, note));
                }
                if (u == 5) {
                    written.add(new Observation(p, units.get(u), "Z99", OptionalDouble.of(1.5), "")); // an extra code
                }
            }
        }
        db.write("tester", c -> FigureRepository.upsert(c, written, "test.csv", 0, "tester", "2026-01-01T00:00:00Z"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void loadReturnsEveryFigureOfTheWantedPeriodsByPeriodUnitAndCode() {
        List<Observation> loaded = db.read(c -> FigureRepository.load(c, Set.of(Y2025, Y2023)));

        List<Observation> expected = written.stream().filter(o -> !o.period().equals(Y2024))
                .sorted(Comparator.comparing(Observation::period).thenComparing(o -> unitId(o.unit()))
                        .thenComparing(o -> o.code().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                java.util.Arrays::compareUnsigned))
                .toList();
        assertThat(loaded).containsExactlyElementsOf(expected);
        assertThat(loaded).anySatisfy(o -> assertThat(o.value()).isEmpty())
                .anySatisfy(o -> assertThat(o.value()).hasValue(0))
                .anySatisfy(o -> assertThat(o.note()).startsWith("说明"));
    }

    @Test
    void theLoadInPartsJoinedIsTheLoadOnOneConnection() {
        Set<Period> all = Set.of(Y2023, Y2024, Y2025);
        List<Observation> whole = db.read(c -> FigureRepository.load(c, all));
        assertThat(whole).hasSize(written.size());
        for (int parts = 1; parts <= 9; parts++) {
            List<List<List<Observation>>> pieces = db.readTogether(FigureRepository.loadInParts(all, parts));
            assertThat(pieces).hasSize(parts);
            assertThat(FigureRepository.join(pieces)).as("%d parts", parts).containsExactlyElementsOf(whole);
        }
        assertThat(FigureRepository.join(db.readTogether(FigureRepository.loadInParts(Set.of(Y2024), 3))))
                .containsExactlyElementsOf(whole.stream().filter(o -> o.period().equals(Y2024)).toList());
    }

    @Test
    void periodsAreThoseThatHoldFiguresInTimeOrder() {
        db.write("tester", c -> Keys.periodId(c, Period.year(2030)));

        assertThat(db.read(FigureRepository::periods)).containsExactly(Y2023, Y2024, Y2025);
    }

    private long unitId(String unit) {
        return db.read(c -> Keys.unitIds(c).get(unit));
    }
}
