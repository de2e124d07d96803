package org.sanlian.workbench.ui.commitments;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.sanlian.workbench.app.CommitmentService.Sheet;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.i18n.Messages;

/**
 * 公开承诺: a grid of the period's units (rows) by the indicators that take commitments (columns);
 * each cell a target field and, beside it, how far the commitment was kept (green kept, red not).
 * Enter or leaving a field takes what was typed; a block pasted into a field (Ctrl+V of cells
 * copied from Excel) spreads from that field. Built in code.
 */
public final class CommitmentsView extends VBox {

    public static final String GRID_ID = "commitments-grid";
    public static final String SUMMARY_ID = "commitments-summary";
    public static final String PROBLEMS_ID = "commitments-problems";
    public static final String ERROR_ID = "commitments-error";
    public static final String NOTICE_ID = "commitments-notice";
    public static final String SAVE_ID = "commitments-save";
    public static final String CARRY_OVER_ID = "commitments-carry-over";

    private final CommitmentsViewModel model;
    private final GridPane grid = new GridPane();
    private final List<TargetField> fields = new ArrayList<>();
    private final List<Label> keptLabels = new ArrayList<>();

    public CommitmentsView(CommitmentsViewModel model) {
        super(8);
        this.model = model;
        createView();
        model.sheetProperty().addListener((o, a, b) -> buildGrid());
        model.gridProperty().addListener((o, a, b) -> refresh());
        buildGrid();
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

        grid.setId(GRID_ID);
        grid.setHgap(6);
        grid.setVgap(4);
        grid.setPadding(new Insets(4));
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(false);
        VBox.setVgrow(scroll, Priority.ALWAYS);

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

        getChildren().addAll(summary, scroll, buttons, problems, error, notice, hint);
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
        for (TargetField f : fields) {
            if (f.isFocused()) {
                f.commit();
            }
        }
    }

    private void buildGrid() {
        grid.getChildren().clear();
        fields.clear();
        keptLabels.clear();
        Sheet s = model.sheet();
        if (s == null) {
            return;
        }
        Messages m = Messages.get();
        Label corner = new Label(m.text("ui.commitments.unit"));
        corner.getStyleClass().add("section-title");
        grid.add(corner, 0, 0);
        for (int c = 0; c < s.indicators().size(); c++) {
            Indicator i = s.indicators().get(c);
            Label head = new Label(i.unitOfMeasure().isEmpty() ? i.name()
                    : m.text("ui.commitments.header", i.name(), i.unitOfMeasure()));
            head.setWrapText(true);
            head.setMaxWidth(190);
            head.getStyleClass().add("section-title");
            grid.add(head, c + 1, 0);
        }
        for (int r = 0; r < s.units().size(); r++) {
            Unit u = s.units().get(r);
            grid.add(new Label(u.name()), 0, r + 1);
            for (int c = 0; c < s.indicators().size(); c++) {
                Indicator i = s.indicators().get(c);
                TargetField field = new TargetField(u.code(), i.code());
                Label kept = new Label();
                kept.setId(keptId(u.code(), i.code()));
                kept.setMinWidth(100);
                kept.getStyleClass().add("commitment-kept");
                keptLabels.add(kept);
                fields.add(field);
                HBox cell = new HBox(4, field, kept);
                cell.setAlignment(Pos.CENTER_LEFT);
                grid.add(cell, c + 1, r + 1);
            }
        }
        refresh();
    }

    private void refresh() {
        for (int k = 0; k < fields.size(); k++) {
            TargetField f = fields.get(k);
            f.show();
            Label kept = keptLabels.get(k);
            kept.setText(model.keepingText(f.unit, f.code));
            kept.getStyleClass().removeAll("kept", "not-kept");
            model.keeping(f.unit, f.code).ifPresent(v -> kept.getStyleClass().add(v.kept() ? "kept" : "not-kept"));
        }
    }

    /** The next field down the same column (Enter moves there, as in a spreadsheet). */
    private void focusBelow(TargetField from) {
        int columns = model.sheet() == null ? 0 : model.sheet().indicators().size();
        int at = fields.indexOf(from) + columns;
        if (columns > 0 && at < fields.size()) {
            fields.get(at).requestFocus();
        }
    }

    /** One target cell: shows the grid's value, hands typing and pasting to the model. */
    private final class TargetField extends TextField {
        final String unit;
        final String code;

        TargetField(String unit, String code) {
            this.unit = unit;
            this.code = code;
            setId(fieldId(unit, code));
            setPrefColumnCount(5);
            getStyleClass().add("number");
            editableProperty().bind(model.editableProperty());
            setOnAction(e -> {
                commit();
                focusBelow(this);
            });
            focusedProperty().addListener((o, was, is) -> {
                if (!is && getScene() != null) { // a field taken off the grid (another period) takes nothing
                    commit();
                }
            });
        }

        void show() {
            String shown = model.targetText(unit, code);
            if (!getText().equals(shown)) {
                setText(shown);
            }
        }

        void commit() {
            if (!getText().strip().equals(model.targetText(unit, code))) {
                model.type(unit, code, getText());
                show(); // a refused text goes back to the target kept; the reason is shown below the grid
            }
        }

        @Override
        public void paste() {
            Clipboard clipboard = Clipboard.getSystemClipboard();
            String text = clipboard.hasString() ? clipboard.getString() : null;
            if (text != null && PastedBlock.isBlock(text)) {
                model.paste(unit, code, text);
                refresh();
            } else {
                super.paste();
            }
        }
    }
}
