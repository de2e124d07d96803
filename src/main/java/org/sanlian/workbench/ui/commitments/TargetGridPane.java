package org.sanlian.workbench.ui.commitments;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;

import org.sanlian.workbench.app.CommitmentService.Subject;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.i18n.Messages;

/**
 * One grid of target fields on the commitments screen: rows (units, or zones) by indicators, built
 * from a {@link TargetTable}. Enter or leaving a field takes what was typed; a block pasted into a
 * field (Ctrl+V of cells copied from Excel) spreads from that field. The commitments' grid shows,
 * beside each field, how far the commitment was kept.
 */
final class TargetGridPane extends GridPane {

    private final CommitmentsViewModel model;
    private final boolean keeping;
    private final List<TargetField> fields = new ArrayList<>();
    private final List<Label> keptLabels = new ArrayList<>();
    private int columns;

    /** An empty grid; {@code keeping}: whether each field has the commitment's keeping beside it. */
    TargetGridPane(CommitmentsViewModel model, String id, boolean keeping) {
        this.model = model;
        this.keeping = keeping;
        setId(id);
        setHgap(6);
        setVgap(4);
        setPadding(new Insets(4));
    }

    /** Builds the grid of {@code table} (nothing for null), its first column headed {@code corner}. */
    void build(TargetTable table, String corner) {
        getChildren().clear();
        fields.clear();
        keptLabels.clear();
        columns = table == null ? 0 : table.columns().size();
        if (table == null) {
            return;
        }
        Messages m = Messages.get();
        Label head0 = new Label(corner);
        head0.getStyleClass().add("section-title");
        add(head0, 0, 0);
        for (int c = 0; c < table.columns().size(); c++) {
            Indicator i = table.columns().get(c);
            Label head = new Label(i.unitOfMeasure().isEmpty() ? i.name()
                    : m.text("ui.commitments.header", i.name(), i.unitOfMeasure()));
            head.setWrapText(true);
            head.setMaxWidth(190);
            head.getStyleClass().add("section-title");
            add(head, c + 1, 0);
        }
        for (int r = 0; r < table.rows().size(); r++) {
            Subject row = table.rows().get(r);
            add(new Label(row.name()), 0, r + 1);
            for (int c = 0; c < table.columns().size(); c++) {
                String code = table.columns().get(c).code();
                TargetField field = new TargetField(row.code(), code);
                fields.add(field);
                HBox cell = new HBox(4, field);
                if (keeping) {
                    Label kept = new Label();
                    kept.setId(CommitmentsView.keptId(row.code(), code));
                    kept.setMinWidth(100);
                    kept.getStyleClass().add("commitment-kept");
                    keptLabels.add(kept);
                    cell.getChildren().add(kept);
                }
                cell.setAlignment(Pos.CENTER_LEFT);
                add(cell, c + 1, r + 1);
            }
        }
        refresh();
    }

    /** Shows the model's targets (and keeping) in every field. */
    void refresh() {
        for (int k = 0; k < fields.size(); k++) {
            TargetField f = fields.get(k);
            f.show();
            if (keeping) {
                Label kept = keptLabels.get(k);
                kept.setText(model.keepingText(f.subject, f.code));
                kept.getStyleClass().removeAll("kept", "not-kept");
                model.keeping(f.subject, f.code)
                        .ifPresent(v -> kept.getStyleClass().add(v.kept() ? "kept" : "not-kept"));
            }
        }
    }

    /** Takes what was typed into the focused field, if it is one of this grid's. */
    void commitFocused() {
        for (TargetField f : fields) {
            if (f.isFocused()) {
                f.commit();
            }
        }
    }

    /** The next field down the same column (Enter moves there, as in a spreadsheet). */
    private void focusBelow(TargetField from) {
        int at = fields.indexOf(from) + columns;
        if (columns > 0 && at < fields.size()) {
            fields.get(at).requestFocus();
        }
    }

    /** One target cell: shows the grid's value, hands typing and pasting to the model. */
    private final class TargetField extends TextField {
        final String subject;
        final String code;

        TargetField(String subject, String code) {
            this.subject = subject;
            this.code = code;
            setId(CommitmentsView.fieldId(subject, code));
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
            String shown = model.targetText(subject, code);
            if (!getText().equals(shown)) {
                setText(shown);
            }
        }

        void commit() {
            if (!getText().strip().equals(model.targetText(subject, code))) {
                model.type(subject, code, getText());
                show(); // a refused text goes back to the target kept; the reason is shown below the grid
            }
        }

        @Override
        public void paste() {
            Clipboard clipboard = Clipboard.getSystemClipboard();
            String text = clipboard.hasString() ? clipboard.getString() : null;
            if (text != null && PastedBlock.isBlock(text)) {
                model.paste(subject, code, text);
                refresh();
            } else {
                super.paste();
            }
        }
    }
}
