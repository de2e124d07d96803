package org.sanlian.workbench.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.app.DataFolder;
import org.sanlian.workbench.app.SettingsService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.AuditEntry;
import org.sanlian.workbench.core.model.AuditFilter;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.CurrentThreadTaskExecutor;
import org.sanlian.workbench.ui.shell.Workspace;

/** The 设置 view model on a temporary database, without a toolkit: its work runs on the test's thread. */
class SettingsViewModelTest {

    @TempDir
    Path dir;

    private final Preferences prefs = Preferences.userRoot().node("org/sanlian/workbench/ui/test-" + System.nanoTime());
    private WorkbenchDatabase db;
    private Workspace workspace;
    private SettingsViewModel vm;

    @BeforeAll
    static void chinese() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }

    @BeforeEach
    void open() {
        db = WorkbenchDatabase.createWithDefaultScheme(dir.resolve("w.db"), 2025, "张三");
        workspace = new Workspace(new CurrentThreadTaskExecutor());
        workspace.attach(db, Workspace.Content.read(db), "张三");
        vm = new SettingsViewModel(workspace, new CurrentThreadTaskExecutor(), prefs);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
        prefs.removeNode();
    }

    private List<AuditEntry> settingLines() {
        return db.audit(new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("setting"), Optional.empty(), Optional.empty(), 0));
    }

    @Test
    void theFieldsShowTheDatabasesSettingsAndTheWindowsChoices() {
        assertThat(vm.operatorProperty().get()).isEqualTo("张三");
        assertThat(vm.backupsKeptProperty().get()).isEqualTo("10");
        assertThat(vm.issuerProperty().get()).isEmpty();
        assertThat(vm.languageProperty().get()).isEqualTo(Messages.CHINESE);
        assertThat(vm.folderProperty().get()).isNull();
        assertThat(vm.databaseTextProperty().get()).isEqualTo("当前打开的数据库：" + db.file().toAbsolutePath());
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.editableProperty().get()).isTrue();
    }

    @Test
    void anEmptyOperatorAndBackupsOutOfRangeAreRefusedNextToTheirFields() {
        int before = settingLines().size();
        vm.operatorProperty().set("  ");
        vm.backupsKeptProperty().set("366");
        boolean[] saved = {false};

        vm.save(() -> saved[0] = true);

        assertThat(saved[0]).isFalse();
        assertThat(vm.operatorErrorProperty().get()).isEqualTo("操作人不能为空。请输入进行本次工作的人员姓名。");
        assertThat(vm.backupsErrorProperty().get()).isEqualTo("请输入 1 到 365 之间的整数。");
        assertThat(settingLines()).hasSize(before);

        vm.backupsKeptProperty().set("0");
        vm.operatorProperty().set("李四");
        assertThat(vm.operatorErrorProperty().get()).isEmpty();
        vm.save(() -> saved[0] = true);
        assertThat(vm.backupsErrorProperty().get()).isEqualTo("请输入 1 到 365 之间的整数。");
        vm.backupsKeptProperty().set("十");
        vm.save(() -> saved[0] = true);
        assertThat(vm.backupsErrorProperty().get()).isNotEmpty();
        assertThat(saved[0]).isFalse();
        assertThat(db.operator()).hasValue("张三");
    }

    @Test
    void saveKeepsTheSettingsInTheDatabaseAndTheWindowsChoicesAndMovesTheOperator() {
        long revision = workspace.state().revision();
        vm.operatorProperty().set(" 李四 ");
        vm.backupsKeptProperty().set("30");
        vm.issuerProperty().set("丽水市科学技术局");
        vm.languageProperty().set(Messages.ENGLISH);
        vm.chooseFolder(dir.resolve("data"));
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(vm.folderTextProperty().get()).startsWith("已选择：" + dir.resolve("data").toAbsolutePath());
        boolean[] saved = {false};

        vm.save(() -> saved[0] = true);

        assertThat(saved[0]).isTrue();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(SettingsService.load(db)).isEqualTo(new SettingsService.Settings("李四", 30, "丽水市科学技术局"));
        assertThat(settingLines()).extracting(AuditEntry::operator).last().isEqualTo("张三");
        assertThat(workspace.operator()).isEqualTo("李四");
        assertThat(workspace.state().revision()).isGreaterThan(revision);
        assertThat(Messages.chosenLanguage(prefs)).isEqualTo(Messages.ENGLISH);
        assertThat(DataFolder.chosenFolder(prefs)).hasValue(dir.resolve("data").toAbsolutePath());
        assertThat(vm.noticeProperty().get())
                .isEqualTo("设置已保存，操作人为 李四。界面语言和数据文件夹在下次启动时生效。");
        assertThat(vm.dirtyProperty().get()).isFalse();
        // the language in use does not change before the next start
        assertThat(Messages.get().locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void anOperatorChangedFromTheFileMenuIsShownUnlessTheFormHasEdits() {
        // what 文件 → 更改操作人… does
        db.setOperator("王五", "张三");
        workspace.setOperator("王五");
        assertThat(vm.operatorProperty().get()).isEqualTo("王五");

        vm.backupsKeptProperty().set("12");
        db.setOperator("赵六", "王五");
        workspace.setOperator("赵六");
        assertThat(vm.operatorProperty().get()).isEqualTo("王五");
        assertThat(vm.backupsKeptProperty().get()).isEqualTo("12");
    }

    @Test
    void discardShowsTheSavedSettingsAgain() {
        vm.backupsKeptProperty().set("3");
        vm.operatorProperty().set("王五");
        assertThat(vm.dirtyProperty().get()).isTrue();

        vm.discard();

        assertThat(vm.backupsKeptProperty().get()).isEqualTo("10");
        assertThat(vm.operatorProperty().get()).isEqualTo("张三");
        assertThat(vm.dirtyProperty().get()).isFalse();
    }
}
