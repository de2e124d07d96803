package org.sanlian.workbench.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.store.CityFigureRepository.CityFigure;
import org.sanlian.workbench.store.CoverageRepositoryTest.AuditRow;

class CityFigureRepositoryTest {

    static final Period Y2025 = Period.year(2025);
    static final String T1 = "2026-01-10T08:00:00Z";
    static final String T2 = "2026-02-20T09:30:00Z";

    @TempDir
    Path dir;

    Database db;

    @BeforeEach
    void open() {
        db = new Migrator().openAndMigrate(dir.resolve("work.db"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void insertUpdateAndDeleteEachWriteOneAuditLineWithoutAUnit() {
        assertThat(load(Y2025)).isEmpty();

        assertThat(db.<Boolean>write("张三", c -> CityFigureRepository.upsert(c, Y2025, "GDP",
                OptionalDouble.of(1850.5), "快报", "市统计局", "张三", T1))).isTrue();
        assertThat(db.<Boolean>write("张三", c -> CityFigureRepository.upsert(c, Y2025, "HTE",
                OptionalDouble.of(620), "", "市统计局", "张三", T1))).isTrue();
        assertThat(load(Y2025)).containsExactly(
                new CityFigure("GDP", OptionalDouble.of(1850.5), "快报", "市统计局", "张三", T1),
                new CityFigure("HTE", OptionalDouble.of(620), "", "市统计局", "张三", T1));
        assertThat(load(Period.year(2024))).isEmpty();

        int before = audit(0).size();
        // the same content again changes nothing and audits nothing
        assertThat(db.<Boolean>write("李四", c -> CityFigureRepository.upsert(c, Y2025, "GDP",
                OptionalDouble.of(1850.5), "快报", "市统计局", "李四", T2))).isFalse();
        assertThat(audit(before)).isEmpty();

        assertThat(db.<Boolean>write("李四", c -> CityFigureRepository.upsert(c, Y2025, "GDP",
                OptionalDouble.of(1862), "年报", "市统计局", "李四", T2))).isTrue();
        assertThat(load(Y2025).get(0)).isEqualTo(
                new CityFigure("GDP", OptionalDouble.of(1862), "年报", "市统计局", "李四", T2));
        assertThat(db.<Boolean>write("李四", c -> CityFigureRepository.delete(c, Y2025, "HTE"))).isTrue();
        assertThat(db.<Boolean>write("李四", c -> CityFigureRepository.delete(c, Y2025, "HTE"))).isFalse();
        assertThat(load(Y2025)).extracting(CityFigure::code).containsExactly("GDP");

        List<AuditRow> all = audit(0);
        assertThat(all).containsExactly(
                new AuditRow("city_figure", "INSERT", "张三", null, "2025", "GDP", null,
                        "{\"value\":1850.5,\"note\":\"快报\",\"source\":\"市统计局\"}"),
                new AuditRow("city_figure", "INSERT", "张三", null, "2025", "HTE", null,
                        "{\"value\":620.0,\"note\":\"\",\"source\":\"市统计局\"}"),
                new AuditRow("city_figure", "UPDATE", "李四", null, "2025", "GDP",
                        "{\"value\":1850.5,\"note\":\"快报\",\"source\":\"市统计局\"}",
                        "{\"value\":1862.0,\"note\":\"年报\",\"source\":\"市统计局\"}"),
                new AuditRow("city_figure", "DELETE", "李四", null, "2025", "HTE",
                        "{\"value\":620.0,\"note\":\"\",\"source\":\"市统计局\"}", null));
    }

    @Test
    void anExplicitlyUnknownCityFigureKeepsItsNote() {
        db.write("张三", c -> CityFigureRepository.upsert(c, Y2025, "GDP", OptionalDouble.empty(), "待统计局发布", "",
                "张三", T1));
        assertThat(load(Y2025)).containsExactly(
                new CityFigure("GDP", OptionalDouble.empty(), "待统计局发布", "", "张三", T1));
    }

    List<CityFigure> load(Period period) {
        return db.<List<CityFigure>>read(c -> CityFigureRepository.load(c, period));
    }

    List<AuditRow> audit(int skip) {
        return db.<List<AuditRow>>read(c -> CoverageRepositoryTest.auditAfter(c, skip));
    }
}
