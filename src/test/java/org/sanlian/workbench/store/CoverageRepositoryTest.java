package org.sanlian.workbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.sanlian.workbench.store.DatabaseTest.count;
import static org.sanlian.workbench.store.DatabaseTest.exec;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.CoverageItem;
import org.sanlian.workbench.core.model.Period;

class CoverageRepositoryTest {

    static final Period Y2025 = Period.year(2025);
    static final Period Y2024 = Period.year(2024);
    static final Period Y2026 = Period.year(2026);
    static final String T1 = "2026-01-10T08:00:00Z";
    static final String T2 = "2026-02-20T09:30:00Z";

    /** One audit_log line as the triggers wrote it. */
    record AuditRow(String entity, String action, String operator, String unit, String period, String code,
                    String oldValue, String newValue) {
    }

    @TempDir
    Path dir;

    Database db;

    @BeforeEach
    void open() {
        db = new Migrator().openAndMigrate(dir.resolve("work.db"));
        db.write("tester", c -> {
            exec(c, "INSERT INTO unit (code, name) VALUES ('331102', '莲都区')");
            exec(c, "INSERT INTO unit (code, name) VALUES ('331121', '青田县')");
            exec(c, "INSERT INTO unit (code, name) VALUES ('331122', '缙云县')");
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void savedItemsLoadBackOrderedByUnitChainAndItem() {
        List<CoverageItem> items = List.of(
                item(Y2025, "331122", "茶叶", 2, true, "合作社名单"),
                item(Y2025, "331102", "食用菌", 7, false, ""),
                item(Y2025, "331102", "茶叶", 3, true, "会议纪要"),
                item(Y2025, "331102", "茶叶", 1, false, ""),
                item(Y2024, "331102", "茶叶", 1, true, "旧年度"));

        int changed = db.write("张三", c -> CoverageRepository.save(c, items, "张三", T1));

        assertThat(changed).isEqualTo(5);
        List<CoverageItem> all = load(Y2025);
        assertThat(all).containsExactly(
                item(Y2025, "331102", "茶叶", 1, false, ""),
                item(Y2025, "331102", "茶叶", 3, true, "会议纪要"),
                item(Y2025, "331102", "食用菌", 7, false, ""),
                item(Y2025, "331122", "茶叶", 2, true, "合作社名单"));
        assertThat(load(Y2025, "331122"))
                .containsExactly(item(Y2025, "331122", "茶叶", 2, true, "合作社名单"));
        assertThat(load(Y2024))
                .containsExactly(item(Y2024, "331102", "茶叶", 1, true, "旧年度"));
        assertThat(load(Y2025, "331121")).isEmpty();
        assertThat(load(Period.year(2023))).isEmpty();
        assertThat(query("SELECT operator || ' ' || changed_at FROM coverage LIMIT 1"))
                .isEqualTo("张三 " + T1);
    }

    @Test
    void savingEqualContentAgainChangesNothingAndAuditsNothing() {
        List<CoverageItem> items = sevenItems(Y2025, "331102", "茶叶");
        assertThat(db.<Integer>write("张三", c -> CoverageRepository.save(c, items, "张三", T1))).isEqualTo(7);
        int auditBefore = rows("audit_log");

        int changed = db.write("李四", c -> CoverageRepository.save(c, new ArrayList<>(items), "李四", T2));

        assertThat(changed).isZero();
        assertThat(rows("audit_log")).isEqualTo(auditBefore);
        assertThat(query("SELECT group_concat(DISTINCT operator || ' ' || changed_at) FROM coverage"))
                .as("unchanged rows keep who and when they were last changed")
                .isEqualTo("张三 " + T1);
    }

    @Test
    void aChangedItemAddsExactlyOneAuditRowWithOldAndNewContent() {
        List<CoverageItem> items = sevenItems(Y2025, "331102", "茶叶");
        db.write("张三", c -> CoverageRepository.save(c, items, "张三", T1));
        int auditBefore = rows("audit_log");
        List<CoverageItem> edited = new ArrayList<>(items);
        edited.set(2, item(Y2025, "331102", "茶叶", 3, true, "会议纪要"));

        int changed = db.write("李四", c -> CoverageRepository.save(c, edited, "李四", T2));

        assertThat(changed).isEqualTo(1);
        assertThat(rows("audit_log")).isEqualTo(auditBefore + 1);
        assertThat(auditAfter(auditBefore)).containsExactly(new AuditRow("coverage", "UPDATE", "李四",
                "331102", "2025", "茶叶", "{\"item\":3,\"covered\":0,\"evidence\":\"\"}",
                "{\"item\":3,\"covered\":1,\"evidence\":\"会议纪要\"}"));
        assertThat(query("SELECT operator || ' ' || changed_at FROM coverage WHERE item = 3"))
                .isEqualTo("李四 " + T2);
        assertThat(load(Y2025, "331102")).isEqualTo(edited);
    }

    @Test
    void anUnknownUnitInTheMiddleOfAListLeavesNothingWritten() {
        db.write("张三", c -> CoverageRepository.save(c, List.of(item(Y2025, "331102", "茶叶", 1, false, "")),
                "张三", T1));
        int auditBefore = rows("audit_log");
        int periodsBefore = rows("period");
        List<CoverageItem> items = List.of(
                item(Y2025, "331102", "茶叶", 1, true, "改过"),
                item(Y2026, "331121", "茶叶", 1, true, "新期次"),
                item(Y2025, "339999", "茶叶", 1, true, ""),
                item(Y2025, "331122", "茶叶", 1, true, ""));

        assertThatThrownBy(() -> db.write("李四", c -> CoverageRepository.save(c, items, "李四", T2)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.issues()).extracting(Issue::code).containsExactly("store.unknown-unit");
                    assertThat(e.issues().get(0).args()).containsExactly("339999");
                });

        assertThat(load(Y2025))
                .containsExactly(item(Y2025, "331102", "茶叶", 1, false, ""));
        assertThat(rows("coverage")).isEqualTo(1);
        assertThat(rows("audit_log")).isEqualTo(auditBefore);
        assertThat(rows("period")).as("the new period's row is rolled back too")
                .isEqualTo(periodsBefore);
    }

    @Test
    void removingAChainDeletesItsItemsAndAuditsEachDelete() {
        db.write("张三", c -> {
            CoverageRepository.save(c, sevenItems(Y2025, "331102", "茶叶"), "张三", T1);
            CoverageRepository.save(c, sevenItems(Y2025, "331102", "食用菌"), "张三", T1);
            CoverageRepository.save(c, sevenItems(Y2025, "331121", "茶叶"), "张三", T1);
            return CoverageRepository.save(c, sevenItems(Y2024, "331102", "茶叶"), "张三", T1);
        });
        int auditBefore = rows("audit_log");

        int removed = db.write("李四", c -> CoverageRepository.removeChain(c, Y2025, "331102", "茶叶"));

        assertThat(removed).isEqualTo(7);
        assertThat(load(Y2025, "331102")).extracting(CoverageItem::chain)
                .containsOnly("食用菌").hasSize(7);
        assertThat(load(Y2025, "331121")).hasSize(7);
        assertThat(load(Y2024, "331102")).hasSize(7);
        List<AuditRow> audit = auditAfter(auditBefore);
        assertThat(audit).hasSize(7).allSatisfy(a -> {
            assertThat(a.entity()).isEqualTo("coverage");
            assertThat(a.action()).isEqualTo("DELETE");
            assertThat(a.operator()).isEqualTo("李四");
            assertThat(a.unit()).isEqualTo("331102");
            assertThat(a.period()).isEqualTo("2025");
            assertThat(a.code()).isEqualTo("茶叶");
            assertThat(a.newValue()).isNull();
        });
        assertThat(audit.get(0).oldValue()).isEqualTo("{\"item\":1,\"covered\":0,\"evidence\":\"\"}");
        assertThat(db.<Integer>write("李四", c -> CoverageRepository.removeChain(c, Y2025, "331102", "茶叶"))).isZero();
        assertThat(rows("audit_log")).isEqualTo(auditBefore + 7);
    }

    @Test
    void renamingAChainMovesItsItemsAndTheAuditLogShowsIt() {
        List<CoverageItem> tea = new ArrayList<>(sevenItems(Y2025, "331102", "茶叶"));
        tea.set(4, item(Y2025, "331102", "茶叶", 5, true, "培训签到表"));
        db.write("张三", c -> {
            CoverageRepository.save(c, tea, "张三", T1);
            CoverageRepository.save(c, sevenItems(Y2025, "331121", "茶叶"), "张三", T1);
            return CoverageRepository.save(c, sevenItems(Y2024, "331102", "茶叶"), "张三", T1);
        });
        int auditBefore = rows("audit_log");

        int moved = db.write("李四", c -> CoverageRepository.renameChain(c, Y2025, "331102", "茶叶", "高山茶"));

        assertThat(moved).isEqualTo(7);
        assertThat(load(Y2025, "331102")).isEqualTo(tea.stream()
                .map(i -> item(i.period(), i.unit(), "高山茶", i.item(), i.covered(), i.evidence())).toList());
        assertThat(load(Y2025, "331121")).extracting(CoverageItem::chain)
                .containsOnly("茶叶");
        assertThat(load(Y2024, "331102")).extracting(CoverageItem::chain)
                .containsOnly("茶叶");
        List<AuditRow> audit = auditAfter(auditBefore);
        assertThat(audit).hasSize(14).allSatisfy(a -> {
            assertThat(a.operator()).isEqualTo("李四");
            assertThat(a.unit()).isEqualTo("331102");
            assertThat(a.period()).isEqualTo("2025");
        });
        assertThat(audit).extracting(AuditRow::action, AuditRow::code).containsOnly(
                tuple("INSERT", "高山茶"), tuple("DELETE", "茶叶"));
        assertThat(audit).filteredOn(a -> a.action().equals("INSERT")).hasSize(7)
                .extracting(AuditRow::newValue).contains("{\"item\":5,\"covered\":1,\"evidence\":\"培训签到表\"}");
        assertThat(query(
                "SELECT group_concat(DISTINCT operator) FROM coverage WHERE chain = '高山茶'")).isEqualTo("李四");
        assertThat(db.<Integer>write("李四", c -> CoverageRepository.renameChain(c, Y2025, "331102", "没有", "别的")))
                .isZero();
    }

    @Test
    void renamingOntoAnExistingChainIsRefusedAndChangesNothing() {
        db.write("张三", c -> {
            CoverageRepository.save(c, sevenItems(Y2025, "331102", "茶叶"), "张三", T1);
            return CoverageRepository.save(c, sevenItems(Y2025, "331102", "食用菌"), "张三", T1);
        });
        List<CoverageItem> before = load(Y2025);
        int auditBefore = rows("audit_log");

        assertThatThrownBy(() -> db.write("李四",
                c -> CoverageRepository.renameChain(c, Y2025, "331102", "茶叶", "食用菌")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.issues()).extracting(Issue::code).containsExactly("store.chain-exists");
                    assertThat(e.issues().get(0).args()).containsExactly("食用菌", "331102", "2025");
                });

        assertThat(load(Y2025)).isEqualTo(before);
        assertThat(rows("audit_log")).isEqualTo(auditBefore);
    }

    int rows(String table) {
        return db.<Integer>read(c -> count(c, table));
    }

    List<CoverageItem> load(Period period) {
        return db.<List<CoverageItem>>read(c -> CoverageRepository.load(c, period));
    }

    List<CoverageItem> load(Period period, String unit) {
        return db.<List<CoverageItem>>read(c -> CoverageRepository.load(c, period, unit));
    }

    String query(String sql) {
        return db.<String>read(c -> text(c, sql));
    }

    List<AuditRow> auditAfter(int skip) {
        return db.<List<AuditRow>>read(c -> auditAfter(c, skip));
    }

    static CoverageItem item(Period period, String unit, String chain, int item, boolean covered, String evidence) {
        return new CoverageItem(period, unit, chain, item, covered, evidence);
    }

    static List<CoverageItem> sevenItems(Period period, String unit, String chain) {
        List<CoverageItem> out = new ArrayList<>();
        for (int i = 1; i <= CoverageItem.ITEMS; i++) {
            out.add(item(period, unit, chain, i, false, ""));
        }
        return out;
    }

    static String text(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getString(1);
        }
    }

    /** The audit rows written after the first {@code skip} ones, oldest first. */
    static List<AuditRow> auditAfter(Connection c, int skip) throws SQLException {
        List<AuditRow> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT entity, action, operator, unit_code, period_code, code, "
                + "old_value, new_value FROM audit_log ORDER BY id LIMIT -1 OFFSET ?")) {
            s.setInt(1, skip);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new AuditRow(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), r.getString(6), r.getString(7), r.getString(8)));
                }
            }
        }
        return out;
    }
}
