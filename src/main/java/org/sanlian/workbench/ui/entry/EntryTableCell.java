package org.sanlian.workbench.ui.entry;

import java.util.List;
import java.util.function.Supplier;

import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.HoverTip;

/**
 * One value cell of the grid: shows the value (a refused text in red, a doubtful value in yellow,
 * a note as a corner mark, an unsaved change in blue) with a tooltip that says why, and edits in a
 * text field that the view model checks on Enter, Tab or leaving the cell.
 */
final class EntryTableCell extends TableCell<EntryRow, String> {

    static final String REFUSED = "entry-refused";
    static final String WARNING = "entry-warning";
    static final String NOTE = "entry-note";
    static final String CHANGED = "entry-changed";
    static final String SUMMARY = "entry-summary";
    /** The city row's cells (全市数), and those of its columns that take none. */
    static final String CITY = "entry-city";
    static final String CITY_NONE = "entry-city-none";
    private static final List<String> STYLES = List.of(REFUSED, WARNING, NOTE, CHANGED, SUMMARY, CITY, CITY_NONE);

    private final EntryViewModel model;
    private final String code;
    /** The character typed on the selected cell that started editing, if any (taken once). */
    private final Supplier<String> typed;
    /** Moves the selection after a value was entered: 0 down (Enter), 1 right (Tab). */
    private final java.util.function.IntConsumer moved;
    private TextField field;
    private boolean committing;
    private final HoverTip tip = new HoverTip(this);

    EntryTableCell(EntryViewModel model, String code, Supplier<String> typed, java.util.function.IntConsumer moved) {
        this.model = model;
        this.code = code;
        this.typed = typed;
        this.moved = moved;
        getStyleClass().add("number");
    }

    private EntryRow row() {
        int i = getIndex();
        return getTableView() == null || i < 0 || i >= getTableView().getItems().size() ? null
                : getTableView().getItems().get(i);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().removeAll(STYLES);
        EntryRow row = row();
        if (empty || row == null) {
            setText(null);
            setGraphic(null);
            tip.say(null);
            return;
        }
        if (isEditing()) {
            setText(null);
            setGraphic(field);
            return;
        }
        setGraphic(null);
        setText(item);
        if (row.summary()) {
            getStyleClass().add(SUMMARY);
            tip.sayWhenShown(() -> Messages.get().text("ui.entry.summary-tip", model.columns().stream()
                            .filter(c -> c.code().equals(code)).findFirst().map(EntryColumn::name).orElse(code),
                    Integer.toString(model.filledUnits(code)), Integer.toString(model.unitCount()),
                    CellChecks.plain(model.sum(code))));
            return;
        }
        if (row.city()) {
            getStyleClass().add(CITY);
            if (!model.takesCityFigure(code)) {
                getStyleClass().add(CITY_NONE);
                tip.say(null);
                return;
            }
        }
        if (model.refusal(row.unit(), code).isPresent()) {
            getStyleClass().add(REFUSED);
        } else if (model.warning(row.unit(), code).isPresent()) {
            getStyleClass().add(WARNING);
        }
        if (model.hasNote(row.unit(), code)) {
            getStyleClass().add(NOTE);
        }
        if (model.changed(row.unit(), code)) {
            getStyleClass().add(CHANGED);
        }
        String unit = row.unit();
        tip.sayWhenShown(() -> model.tooltip(unit, code)); // worked out when pointed at: hundreds of cells are updated at once
    }

    /** What the cell's tooltip says (null for none). */
    String tip() {
        return tip.text();
    }

    @Override
    public void startEdit() {
        EntryRow row = row();
        if (row == null || row.summary() || !model.editableProperty().get()
                || (row.city() && !model.takesCityFigure(code))) {
            return;
        }
        super.startEdit();
        if (!isEditing()) {
            return;
        }
        String first = typed.get();
        field = new TextField(first != null ? first : model.display(row.unit(), code));
        field.getStyleClass().add("entry-editor");
        field.setOnAction(e -> commit(0));
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                cancelEdit();
                e.consume();
            } else if (e.getCode() == KeyCode.TAB) {
                commit(1);
                e.consume();
            }
        });
        field.focusedProperty().addListener((obs, was, is) -> {
            if (!is && isEditing() && !committing) {
                commit(-1);
            }
        });
        setText(null);
        setGraphic(field);
        field.requestFocus();
        if (first != null) {
            field.end();
        } else {
            field.selectAll();
        }
    }

    /** Hands the text to the view model and moves on ({@code direction} -1: stays). */
    private void commit(int direction) {
        EntryRow row = row();
        if (field == null || row == null || committing) {
            return;
        }
        committing = true;
        String text = field.getText();
        try {
            cancelEdit();
        } finally {
            committing = false;
        }
        boolean accepted = model.enter(row.unit(), code, text).isEmpty();
        if (accepted && direction >= 0) {
            moved.accept(direction);
        }
    }

    @Override
    public void cancelEdit() {
        super.cancelEdit();
        setGraphic(null);
        setText(getItem());
        field = null;
        if (getTableView() != null) {
            getTableView().requestFocus();
        }
    }
}
