package org.sanlian.workbench.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.core.model.AuditEntry;
import org.sanlian.workbench.core.model.AuditFilter;

/** The audit log's filters as SQL on a temporary database: free text, and counting what passes. */
class AuditRepositoryTest {

    @TempDir
    Path dir;

    Database db;

    @BeforeEach
    void open() {
        db = new Migrator().openAndMigrate(dir.resolve("work.db"));
        put("张三", "issuer", "丽水市科学技术局");
        put("李四", "issuer", "丽水市科技局（100%）");
        put("李四", "backups.kept", "12");
        put("王五", "operator", "王五");
        put("Zhang_San", "backups.kept", "30");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void put(String by, String key, String value) {
        db.write(by, c -> {
            SettingRepository.put(c, key, value);
            return null;
        });
    }

    private List<AuditEntry> list(AuditFilter f) {
        return db.read(c -> AuditRepository.list(c, f));
    }

    private long count(AuditFilter f) {
        return db.read(c -> AuditRepository.count(c, f));
    }

    private static AuditFilter text(String text) {
        return new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.of(text));
    }

    @Test
    void freeTextMatchesOldAndNewValuesOperatorsAndCodes() {
        // the first issuer is the new value of one line and the old value of the next
        assertThat(list(text("科学技术局"))).extracting(AuditEntry::operator).containsExactly("张三", "李四");
        assertThat(list(text("王五"))).extracting(AuditEntry::code).containsExactly(Optional.of("operator"));
        assertThat(list(text("BACKUPS"))).extracting(AuditEntry::operator).containsExactly("李四", "Zhang_San");
        assertThat(list(text("  "))).hasSize(5);
        assertThat(list(text("没有这段文字"))).isEmpty();
    }

    @Test
    void wildcardsInTheTextAreTakenLiterally() {
        assertThat(list(text("100%"))).extracting(AuditEntry::operator).containsExactly("李四");
        assertThat(list(text("%"))).extracting(AuditEntry::operator).containsExactly("李四");
        // '_' matches only an underscore, not any one character
        assertThat(list(text("g_S"))).extracting(AuditEntry::operator).containsExactly("Zhang_San");
        assertThat(list(text("科_局"))).isEmpty();
    }

    @Test
    void freeTextCombinesWithTheOtherFilters() {
        AuditFilter f = new AuditFilter(Optional.empty(), Optional.empty(), Optional.of("backups.kept"),
                Optional.of("李四"), Optional.of("setting"), Optional.empty(), Optional.empty(), 0, Optional.of("12"));
        assertThat(list(f)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("INSERT");
            assertThat(e.newValue()).hasValue("{\"value\":\"12\"}");
        });
        assertThat(list(new AuditFilter(Optional.empty(), Optional.empty(), Optional.of("issuer"),
                Optional.of("王五"), Optional.empty(), Optional.empty(), Optional.empty(), 0,
                Optional.of("科学")))).isEmpty();
    }

    @Test
    void theCountIsOfEveryLineThatPassesWhateverTheLimit() {
        assertThat(count(AuditFilter.any())).isEqualTo(5).isEqualTo(db.read(AuditRepository::count));
        assertThat(list(AuditFilter.any().withLimit(2))).hasSize(2);
        assertThat(count(AuditFilter.any().withLimit(2))).isEqualTo(5);
        assertThat(count(text("李四"))).isEqualTo(2);
        AuditFilter byCode = new AuditFilter(Optional.empty(), Optional.empty(), Optional.of("issuer"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 1);
        assertThat(count(byCode)).isEqualTo(2);
        // the newest one of them, the second issuer
        assertThat(list(byCode)).singleElement().extracting(AuditEntry::operator).isEqualTo("李四");
    }
}
