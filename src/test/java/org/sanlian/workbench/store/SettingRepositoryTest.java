package org.sanlian.workbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sanlian.workbench.store.DatabaseTest.count;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.store.CoverageRepositoryTest.AuditRow;

class SettingRepositoryTest {

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
    void putGetAndAllSortedByKey() {
        assertThat(get("ui.language")).isEmpty();
        assertThat(all()).isEmpty();

        db.write("张三", c -> {
            SettingRepository.put(c, "ui.language", "zh");
            SettingRepository.put(c, "backup.keep", "10");
            SettingRepository.put(c, "office.name", "丽水市三联工作办公室");
            return null;
        });

        assertThat(get("ui.language")).contains("zh");
        assertThat(get("office.name")).contains("丽水市三联工作办公室");
        assertThat(get("missing")).isEmpty();
        assertThat(all()).containsExactly(Map.entry("backup.keep", "10"), Map.entry("office.name", "丽水市三联工作办公室"),
                Map.entry("ui.language", "zh"));
        assertThat(List.copyOf(all().keySet())).containsExactly("backup.keep", "office.name", "ui.language");
    }

    @Test
    void puttingTheSameValueWritesNothingAndAChangeIsAuditedOnce() {
        put("张三", "ui.language", "zh");
        int auditBefore = rows("audit_log");

        put("李四", "ui.language", "zh");
        assertThat(rows("audit_log")).isEqualTo(auditBefore);

        put("李四", "ui.language", "en");
        assertThat(get("ui.language")).contains("en");
        assertThat(auditAfter(auditBefore)).containsExactly(new AuditRow("setting", "UPDATE", "李四", null, null,
                "ui.language", "{\"value\":\"zh\"}", "{\"value\":\"en\"}"));
    }

    @Test
    void removingIsAuditedAndRemovingAMissingKeyDoesNothing() {
        put("张三", "ui.language", "zh");
        put("张三", "backup.keep", "10");
        int auditBefore = rows("audit_log");

        db.write("李四", c -> {
            SettingRepository.remove(c, "ui.language");
            SettingRepository.remove(c, "never.set");
            return null;
        });

        assertThat(all()).containsExactly(Map.entry("backup.keep", "10"));
        assertThat(auditAfter(auditBefore)).containsExactly(new AuditRow("setting", "DELETE", "李四", null, null,
                "ui.language", "{\"value\":\"zh\"}", null));
    }

    @Test
    void aFailingWriteLeavesTheSettingsAsTheyWere() {
        put("张三", "ui.language", "zh");
        int auditBefore = rows("audit_log");

        assertThatThrownBy(() -> db.write("李四", c -> {
            SettingRepository.put(c, "ui.language", "en");
            SettingRepository.put(c, "backup.keep", "10");
            SettingRepository.put(c, "", "an empty key breaks the CHECK");
            return null;
        })).isInstanceOf(StoreException.class);

        assertThat(all()).containsExactly(Map.entry("ui.language", "zh"));
        assertThat(rows("audit_log")).isEqualTo(auditBefore);
    }

    void put(String operator, String key, String value) {
        db.write(operator, c -> {
            SettingRepository.put(c, key, value);
            return null;
        });
    }

    Optional<String> get(String key) {
        return db.<Optional<String>>read(c -> SettingRepository.get(c, key));
    }

    Map<String, String> all() {
        return db.<Map<String, String>>read(SettingRepository::all);
    }

    int rows(String table) {
        return db.<Integer>read(c -> count(c, table));
    }

    List<AuditRow> auditAfter(int skip) {
        return db.<List<AuditRow>>read(c -> CoverageRepositoryTest.auditAfter(c, skip));
    }
}
