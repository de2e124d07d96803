package org.sanlian.workbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.AuditEntry;
import org.sanlian.workbench.core.model.AuditFilter;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.store.Backups;

/** The settings of 设置 kept in a temporary database: read, checked, saved in one audited transaction. */
class SettingsServiceTest {

    @TempDir
    Path dir;

    private WorkbenchDatabase db;

    @BeforeAll
    static void chinese() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }

    @BeforeEach
    void open() {
        db = WorkbenchDatabase.createWithDefaultScheme(dir.resolve("w.db"), 2025, "张三");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<AuditEntry> settingLines() {
        return db.audit(new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("setting"), Optional.empty(), Optional.empty(), 0));
    }

    @Test
    void aNewDatabaseReadsItsOperatorTheDefaultBackupsAndNoIssuer() {
        assertThat(SettingsService.load(db)).isEqualTo(new SettingsService.Settings("张三", Backups.DEFAULT_KEEP, ""));
    }

    @Test
    void savingKeepsAllThreeInOneTransactionRecordedUnderThePreviousOperator() {
        int before = settingLines().size();

        SettingsService.save(db, new SettingsService.Settings(" 李四 ", 30, "丽水市科学技术局"), "张三");

        assertThat(SettingsService.load(db)).isEqualTo(new SettingsService.Settings("李四", 30, "丽水市科学技术局"));
        assertThat(db.operator()).hasValue("李四");
        assertThat(ExportService.issuer(db, Optional.empty())).isEqualTo("丽水市科学技术局");
        List<AuditEntry> lines = settingLines().subList(before, settingLines().size());
        assertThat(lines).extracting(e -> e.code().orElseThrow())
                .containsExactlyInAnyOrder("operator", "backups.kept", "issuer");
        assertThat(lines).extracting(AuditEntry::operator).containsOnly("张三");
        assertThat(lines).extracting(AuditEntry::at).containsOnly(lines.get(0).at());
    }

    @Test
    void anUnchangedSettingLeavesNoLineAndABlankIssuerFallsBackToTheDefault() {
        SettingsService.save(db, new SettingsService.Settings("张三", 20, "某某办公室"), "张三");
        int before = settingLines().size();

        SettingsService.save(db, new SettingsService.Settings("张三", 20, ""), "张三");

        assertThat(settingLines().subList(before, settingLines().size())).singleElement().satisfies(e -> {
            assertThat(e.code()).hasValue("issuer");
            assertThat(e.action()).isEqualTo("DELETE");
        });
        assertThat(ExportService.issuer(db, Optional.empty())).isEqualTo(Messages.get().text("export.default-issuer"));
        assertThat(SettingsService.load(db).backupsKept()).isEqualTo(20);
    }

    @Test
    void theBackupsKeptIsWhatTheNextBackupPrunesTo() {
        SettingsService.save(db, new SettingsService.Settings("张三", 2, ""), "张三");
        db.backup("first");
        db.backup("second");
        db.backup("third");
        assertThat(db.listBackups()).hasSize(2);

        SettingsService.save(db, new SettingsService.Settings("张三", 3, ""), "张三");
        db.backup("fourth");
        assertThat(db.listBackups()).hasSize(3);
    }

    @Test
    void anEmptyOperatorAndBackupsOutsideOneTo365AreRefusedAndNothingIsWritten() {
        int before = settingLines().size();

        assertThatThrownBy(() -> SettingsService.save(db, new SettingsService.Settings("  ", 0, "x"), "张三"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.issues())
                        .extracting(Issue::where).containsExactly("operator", "backups.kept"));
        assertThatThrownBy(() -> SettingsService.save(db, new SettingsService.Settings("李四", 366, "x"), "张三"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(
                        Messages.get().describe(e.issues().get(0)))
                        .isEqualTo("backups.kept: 保留的备份份数 366 不在 1 到 365 之间。请输入 1 到 365 之间的整数。"));

        assertThat(settingLines()).hasSize(before);
        assertThat(SettingsService.check(new SettingsService.Settings("李四", 1, ""))).isEmpty();
        assertThat(SettingsService.check(new SettingsService.Settings("李四", 365, ""))).isEmpty();
    }
}
