package org.sanlian.workbench.ui.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.app.PublishService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.AuditEntry;
import org.sanlian.workbench.core.model.AuditFilter;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.StoredScheme;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.CurrentThreadTaskExecutor;
import org.sanlian.workbench.ui.shell.Workspace;

/** The units and zones view model on the demo database, without a toolkit: its work runs on the test's thread. */
class UnitsZonesViewModelTest {

    @TempDir
    Path dir;

    private WorkbenchDatabase db;
    private Workspace workspace;
    private UnitsZonesViewModel vm;

    @BeforeAll
    static void chinese() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }

    @BeforeEach
    void open() {
        db = WorkbenchDatabase.openOrCreateDemo(dir.resolve("w.db"), "tester");
    }

    private void show() {
        workspace = new Workspace(new CurrentThreadTaskExecutor());
        workspace.attach(db, Workspace.Content.read(db), "张三");
        vm = new UnitsZonesViewModel(workspace, new CurrentThreadTaskExecutor());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<AuditEntry> schemeAudit() {
        return db.audit(new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("scheme"), Optional.empty(), Optional.empty(), 0));
    }

    private StoredScheme stored(int year) {
        return db.schemes().stream().filter(s -> s.year() == year).findFirst().orElseThrow();
    }

    @Test
    void showsTheChosenYearsZonesAndFollowsTheYear() {
        show();
        assertThat(vm.yearProperty().get()).isEqualTo(2025);
        assertThat(vm.state().zones()).extracting(z -> z.name()).containsExactly("跨越发展类", "生态发展类");
        assertThat(vm.summaryProperty().get()).isEqualTo("共 10 个单位，2 个分区");
        assertThat(vm.editableProperty().get()).isTrue();

        workspace.selectYear(2023);
        assertThat(vm.yearProperty().get()).isEqualTo(2023);
    }

    @Test
    void aMoveIsOneUndoStepAndSavingKeepsItAsTheYearsNewVersionUnderTheOperator() {
        show();
        int before = schemeAudit().size();
        vm.select("331102");
        vm.moveSelectedToNeighbour(1);
        assertThat(vm.state().zoneOf("331102").orElseThrow().code()).isEqualTo("Z2");
        assertThat(vm.isDirty()).isTrue();
        assertThat(vm.summaryProperty().get()).endsWith("有未保存的修改");

        vm.undo();
        assertThat(vm.state().zoneOf("331102").orElseThrow().code()).isEqualTo("Z1");
        assertThat(vm.isDirty()).isFalse();
        vm.redo();

        boolean[] saved = new boolean[1];
        vm.save(() -> saved[0] = true);

        assertThat(saved[0]).isTrue();
        assertThat(vm.isDirty()).isFalse();
        assertThat(db.scheme(stored(2025)).zoneByUnit().get("331102").code()).isEqualTo("Z2");
        assertThat(db.scheme(stored(2024)).zoneByUnit().get("331102").code()).isEqualTo("Z1");
        List<AuditEntry> trail = schemeAudit();
        assertThat(trail).hasSize(before + 1);
        assertThat(trail.get(trail.size() - 1).operator()).isEqualTo("张三");
        assertThat(trail.get(trail.size() - 1).action()).isEqualTo("UPDATE");
        assertThat(vm.noticeProperty().get()).isEqualTo("已保存为 2025 年方案的新版本（操作人：张三）。");
        assertThat(workspace.state().revision()).isEqualTo(1);
    }

    @Test
    void addAndRenameAreCheckedAndSaved() {
        show();
        assertThat(vm.addUnit("331102", "重复", "Z1")).hasValue("代码 331102 已被单位“莲都区”使用。请换一个代码。");
        assertThat(vm.addUnit(" ", "空", "Z1")).hasValue("请填写单位代码。");
        assertThat(vm.addUnit("3311 99", "空格", "Z1")).isPresent();
        assertThat(vm.addUnit("331199", " ", "Z1")).hasValue("请填写单位名称。");
        assertThat(vm.isDirty()).isFalse();

        assertThat(vm.addUnit("331199", "丽水高新区", "Z2")).isEmpty();
        assertThat(vm.selectedUnit()).hasValue("331199");
        assertThat(vm.renameSelected("丽水高新技术产业园区")).isEmpty();
        vm.save(() -> { });

        var scheme = db.scheme(stored(2025));
        assertThat(scheme.unit("331199").orElseThrow().name()).isEqualTo("丽水高新技术产业园区");
        assertThat(scheme.zoneByUnit().get("331199").code()).isEqualTo("Z2");
        assertThat(db.check()).isEmpty();
    }

    @Test
    void aPublishedYearRefusesAndTheEditsGoToACopyInANewYear() {
        PublishService.publish(db, Period.year(2025), Optional.empty(), Optional.empty(), Optional.empty(), "张三");
        show();
        assertThat(vm.publishedProperty().get()).isTrue();
        String json2025 = stored(2025).json();
        vm.select("331102");
        vm.moveSelectedToNeighbour(1);

        boolean[] saved = new boolean[1];
        vm.save(() -> saved[0] = true);

        assertThat(saved[0]).isFalse();
        assertThat(vm.refusedProperty().get()).isTrue();
        assertThat(vm.errorProperty().get()).contains("2025 年的方案已被已发布的通报使用，不能修改");
        assertThat(vm.isDirty()).isTrue(); // the edits stay
        assertThat(stored(2025).json()).isEqualTo(json2025);

        assertThat(vm.suggestedNewYear()).isEqualTo(2026);
        assertThat(vm.checkNewYear("2025")).hasValue("2025 年已经有方案了。请换一个年份。");
        assertThat(vm.checkNewYear("二〇二六")).isPresent();
        assertThat(vm.checkNewYear("2026")).isEmpty();
        vm.copyToNewYear(2026);

        assertThat(workspace.year()).hasValue(2026);
        assertThat(vm.yearProperty().get()).isEqualTo(2026);
        assertThat(vm.isDirty()).isFalse();
        assertThat(vm.refusedProperty().get()).isFalse();
        assertThat(db.scheme(stored(2026)).zoneByUnit().get("331102").code()).isEqualTo("Z2");
        assertThat(stored(2026).copiedFrom()).hasValue(2025);
        assertThat(stored(2025).json()).isEqualTo(json2025);
    }

    @Test
    void discardDropsTheEdits() {
        show();
        vm.select("331181");
        vm.shiftSelected(1);
        assertThat(vm.isDirty()).isTrue();
        vm.discard();
        assertThat(vm.isDirty()).isFalse();
        assertThat(vm.state().zone("Z2").orElseThrow().units()).startsWith("331181");
    }

    @Test
    void aReadOnlyDatabaseCannotBeEdited() {
        try (WorkbenchDatabase second = WorkbenchDatabase.open(dir.resolve("w.db"))) {
            assertThat(second.readOnly()).isTrue();
            workspace = new Workspace(new CurrentThreadTaskExecutor());
            workspace.attach(second, Workspace.Content.read(second), "张三");
            vm = new UnitsZonesViewModel(workspace, new CurrentThreadTaskExecutor());
            assertThat(vm.editableProperty().get()).isFalse();
            vm.select("331102");
            vm.moveSelectedToNeighbour(1);
            assertThat(vm.isDirty()).isFalse();
            assertThat(vm.addUnit("331199", "新", "Z1")).hasValue(Messages.get().text("ui.units.not-editable"));
        }
    }
}
