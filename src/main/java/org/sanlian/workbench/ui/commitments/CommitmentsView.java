package org.sanlian.workbench.ui.commitments;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.sanlian.workbench.i18n.Messages;

/**
 * 公开承诺: a grid of the period's units (rows) by the indicators that take commitments (columns);
 * each cell a target field and, beside it, how far the commitment was kept (green kept, red not);
 * below it the 分区目标 grid, the zones by the indicators whose target is the zone's (a note instead
 * when the scheme has none). Both grids are {@link TargetGridPane}s on one model: one undo history,
 * one 保存. Built in code.
 */
public final class CommitmentsView extends VBox {

    public static final String GRID_ID = "commitments-grid";
    public static final String ZONE_GRID_ID = "zone-targets-grid";
    public static final String ZONE_SUMMARY_ID = "zone-targets-summary";
    public static final String SUMMARY_ID = "commitments-summary";
    public static final String PROBLEMS_ID = "commitments-problems";
    public static final String ERROR_ID = "commitments-error";
    public static final String NOTICE_ID = "commitments-notice";
    public static final String SAVE_ID = "commitments-save";
    public static final String CARRY_OVER_ID = "commitments-carry-over";

    private final CommitmentsViewModel model;
    private final TargetGridPane grid;
    private final TargetGridPane zoneGrid;
    private final ScrollPane zoneScroll;

    public CommitmentsView(CommitmentsViewModel model) {
        super(8);
        this.model = model;
        this.grid = new TargetGridPane(model, GRID_ID, true);
        this.zoneGrid = new TargetGridPane(model, ZONE_GRID_ID, false);
        this.zoneScroll = new ScrollPane(zoneGrid);
        createView();
        model.sheetProperty().addListener((o, a, b) -> buildGrids());
        model.gridProperty().addListener((o, a, b) -> {
            grid.refresh();
            zoneGrid.refresh();
        });
        buildGrids();
    }

    public static String fieldId(String unit, String code) {
        return "target-" + unit + "-" + code;
    }

    public static String keptId(String unit, String code) {
        return "kept-" + unit + "-" + code;
    }

    private void createView() {
        Messages m = Messages.get();
        getStyleClass().add("commitments-view");
        setPadding(new Insets(10));

        Label summary = new Label();
        summary.setId(SUMMARY_ID);
        summary.getStyleClass().add("section-title");
        summary.textProperty().bind(model.summaryProperty());

        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(false);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Label zoneSummary = new Label();
        zoneSummary.setId(ZONE_SUMMARY_ID);
        zoneSummary.getStyleClass().add("section-title");
        zoneSummary.setWrapText(true);
        zoneSummary.textProperty().bind(model.zoneSummaryProperty());
        zoneScroll.setFitToWidth(false);
        zoneScroll.setMinHeight(Region.USE_PREF_SIZE);

        Button save = new Button(m.text("ui.units.save"));
        save.setId(SAVE_ID);
        save.setOnAction(e -> {
            commitFocused();
            model.save(() -> { });
        });
        save.disableProperty().bind(model.dirtyProperty().not().or(model.busyProperty()));
        Button undo = new Button(m.text("ui.units.undo"));
        undo.setOnAction(e -> model.undo());
        undo.disableProperty().bind(model.canUndoProperty().not());
        Button redo = new Button(m.text("ui.units.redo"));
        redo.setOnAction(e -> model.redo());
        redo.disableProperty().bind(model.canRedoProperty().not());
        Button carry = new Button(m.text("ui.commitments.carry-over"));
        carry.setId(CARRY_OVER_ID);
        carry.setOnAction(e -> {
            commitFocused();
            model.carryOver();
        });
        carry.disableProperty().bind(model.canCarryOverProperty().not().or(model.busyProperty()));
        // a disabled button shows no tooltip of its own: its holder says why it is disabled
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        tip.textProperty().bind(model.carryOverTipProperty());
        StackPane carryHolder = new StackPane(carry);
        Tooltip.install(carryHolder, tip);
        HBox buttons = new HBox(8, undo, redo, save, carryHolder);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label problems = message(PROBLEMS_ID, "error-message");
        problems.textProperty().bind(model.problemsProperty());
        Label error = message(ERROR_ID, "error-message");
        error.textProperty().bind(model.errorProperty());
        Label notice = message(NOTICE_ID, "status-message");
        notice.textProperty().bind(model.noticeProperty());
        Label hint = new Label(m.text("ui.commitments.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);

        getChildren().addAll(summary, scroll, zoneSummary, zoneScroll, buttons, problems, error, notice, hint);
    }

    private static Label message(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.managedProperty().bind(Bindings.isNotEmpty(l.textProperty()));
        l.visibleProperty().bind(l.managedProperty());
        return l;
    }

    /** Takes what was typed into the focused field (the window saves with Ctrl+S while a field has the focus). */
    public void commitFocused() {
        grid.commitFocused();
        zoneGrid.commitFocused();
    }

    private void buildGrids() {
        Messages m = Messages.get();
        grid.build(model.commitmentTable().orElse(null), m.text("ui.commitments.unit"));
        boolean zones = model.hasZoneTargets();
        zoneGrid.build(zones ? model.zoneTable().get() : null, m.text("ui.commitments.zone"));
        zoneScroll.setVisible(zones);
        zoneScroll.setManaged(zones);
    }
}
