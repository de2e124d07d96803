package org.sanlian.workbench.ui.entry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.sanlian.workbench.ui.common.HoverTip;
import org.sanlian.workbench.ui.common.LayoutMemory;
import org.sanlian.workbench.core.model.Zone;
import org.sanlian.workbench.i18n.Messages;

/**
 * 数据录入: the filters and 保存 above, the grid of units by columns (the unit, its zone, how much it
 * has filled, then one column per enterable code and a summary row of filled units per column), and
 * below it the selected cell's note and source, the status line and a hint. Typing on a selected
 * cell starts editing it; Enter or F2 edits its value; Delete clears the selected cells; Ctrl+V
 * pastes a block copied from Excel at the selected cell; Ctrl+C copies the selected cells. Built in
 * code; the view model holds the state.
 */
public final class EntryView extends BorderPane {

    public static final String TABLE_ID = "entry-table";
    /** The grid's style class: rows of a fixed height, so that only the cells in view are made (workbench.css). */
    static final String TABLE_STYLE = "entry-grid";
    public static final String SUMMARY_ID = "entry-summary";
    public static final String STATUS_ID = "entry-status";
    public static final String ERROR_ID = "entry-error";
    public static final String SAVE_ID = "entry-save";
    public static final String ZONE_ID = "entry-zone";
    public static final String NAME_FILTER_ID = "entry-name-filter";
    public static final String INCOMPLETE_ID = "entry-incomplete";
    public static final String NOTE_ID = "entry-note";
    public static final String SOURCE_ID = "entry-source";
    public static final String APPLY_ID = "entry-apply-note";
    /** The fixed columns before the value columns: unit, zone, filled. */
    static final int FIXED = 3;
    /** Room for a column title of three lines (two of name, one of unit of measure). */
    private static final double HEADER_HEIGHT = 54;

    private final EntryViewModel model;
    private final TableView<EntryRow> table = new TableView<>();
    /** The character that started editing a cell, handed to the cell once. */
    private String typed;
    /** Widths the user gave value columns, by code, kept while the window is open (another period's scheme may bring them back). */
    private final java.util.Map<String, Double> widths = new java.util.HashMap<>();

    public EntryView(EntryViewModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    /** The value column of a code (its id). */
    public static String columnId(String code) {
        return "entry-col-" + code;
    }

    private void createView() {
        Messages m = Messages.get();
        getStyleClass().add("entry-view");
        setPadding(new Insets(10));

        Label summary = new Label();
        summary.setId(SUMMARY_ID);
        summary.getStyleClass().add("section-title");
        summary.textProperty().bind(model.summaryProperty());

        ComboBox<String> zone = new ComboBox<>();
        zone.setId(ZONE_ID);
        zone.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                if (code == null || code.isEmpty()) {
                    return m.text("ui.entry.zone-all");
                }
                return model.zones().stream().filter(z -> z.code().equals(code)).findFirst().map(Zone::name)
                        .orElse(code);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        Runnable zoneItems = () -> {
            List<String> items = new ArrayList<>();
            items.add("");
            model.zones().forEach(z -> items.add(z.code()));
            zone.getItems().setAll(items);
        };
        zoneItems.run();
        model.zones().addListener((ListChangeListener<Zone>) c -> zoneItems.run());
        zone.valueProperty().bindBidirectional(model.zoneFilterProperty());
        Label zoneLabel = new Label(m.text("ui.entry.zone-label"));
        zoneLabel.setLabelFor(zone);

        TextField name = new TextField();
        name.setId(NAME_FILTER_ID);
        name.getStyleClass().add(org.sanlian.workbench.ui.shell.ShellView.FIND_FIELD); // Ctrl+F
        name.setPromptText(m.text("ui.entry.name-filter"));
        name.setPrefColumnCount(12);
        name.textProperty().bindBidirectional(model.nameFilterProperty());

        CheckBox incomplete = new CheckBox(m.text("ui.entry.incomplete-only"));
        incomplete.setId(INCOMPLETE_ID);
        incomplete.selectedProperty().bindBidirectional(model.incompleteOnlyProperty());

        Button save = new Button(m.text("ui.entry.save"));
        save.setId(SAVE_ID);
        save.setOnAction(e -> model.save(() -> { }));
        save.disableProperty().bind(model.dirtyProperty().not().or(model.busyProperty()));

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, zoneLabel, zone, name, incomplete, grow, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        VBox top = new VBox(6, summary, bar);
        top.setPadding(new Insets(0, 0, 8, 0));
        setTop(top);

        table.setId(TABLE_ID);
        table.getStyleClass().add(TABLE_STYLE);
        LayoutMemory.columns(table);
        table.setItems(model.rows());
        table.setEditable(true);
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label(m.text("ui.entry.empty")));
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(EntryRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("entry-summary-row");
                if (!empty && item != null && item.summary()) {
                    getStyleClass().add("entry-summary-row");
                }
            }
        });
        buildColumns();
        setCenter(table);

        Label selected = new Label();
        selected.textProperty().bind(Bindings.createStringBinding(() -> model.selectedTitleProperty().get().isEmpty()
                ? m.text("ui.entry.no-selection") : model.selectedTitleProperty().get(),
                model.selectedTitleProperty()));
        selected.getStyleClass().add("section-title");
        TextField note = new TextField();
        note.setId(NOTE_ID);
        note.setPrefColumnCount(28);
        note.textProperty().bindBidirectional(model.noteProperty());
        TextField source = new TextField();
        source.setId(SOURCE_ID);
        source.setPrefColumnCount(12);
        source.textProperty().bindBidirectional(model.sourceProperty());
        Button apply = new Button(m.text("ui.entry.apply-note"));
        apply.setId(APPLY_ID);
        apply.setOnAction(e -> model.applyNoteAndSource());
        note.setOnAction(e -> model.applyNoteAndSource());
        source.setOnAction(e -> model.applyNoteAndSource());
        apply.disableProperty().bind(model.selectedProperty().isNull().or(model.editableProperty().not()));
        note.disableProperty().bind(apply.disableProperty());
        source.disableProperty().bind(apply.disableProperty());
        Label noteLabel = new Label(m.text("ui.entry.note"));
        noteLabel.setLabelFor(note);
        Label sourceLabel = new Label(m.text("ui.entry.source"));
        sourceLabel.setLabelFor(source);
        HBox editor = new HBox(8, selected, noteLabel, note, sourceLabel, source, apply);
        editor.setAlignment(Pos.CENTER_LEFT);

        Label status = new Label();
        status.setId(STATUS_ID);
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        model.statusProblemProperty().addListener((o, was, is) -> style(status, is));
        style(status, model.statusProblemProperty().get());
        Label error = new Label();
        error.setId(ERROR_ID);
        error.getStyleClass().add("error-message");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(Bindings.isNotEmpty(error.textProperty()));
        error.managedProperty().bind(error.visibleProperty());
        Label hint = new Label(m.text("ui.entry.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        VBox bottom = new VBox(6, editor, status, error, hint);
        bottom.setPadding(new Insets(8, 0, 0, 0));
        setBottom(bottom);
    }

    private static void style(Label status, boolean problem) {
        status.getStyleClass().removeAll("error-message", "status-message");
        status.getStyleClass().add(problem ? "error-message" : "status-message");
    }

    private void initListeners() {
        model.columns().addListener((ListChangeListener<EntryColumn>) c -> buildColumns());
        model.changesProperty().addListener((o, a, b) -> table.refresh());
        table.getFocusModel().focusedCellProperty().addListener((o, old, pos) -> selectForNote(pos));
        table.addEventHandler(KeyEvent.KEY_TYPED, this::typed);
        table.addEventHandler(KeyEvent.KEY_PRESSED, this::pressed);
    }

    private void buildColumns() {
        Messages m = Messages.get();
        List<TableColumn<EntryRow, String>> cols = new ArrayList<>();
        TableColumn<EntryRow, String> unit = fixed("entry-col-unit", m.text("ui.entry.unit"), 150, EntryRow::name);
        TableColumn<EntryRow, String> zone = fixed("entry-col-zone", m.text("ui.entry.zone"), 90, EntryRow::zoneName);
        TableColumn<EntryRow, String> filled = fixed("entry-col-filled", m.text("ui.entry.filled"), 64, r -> r.city() ? ""
                : r.summary() ? model.completeUnits() + "/" + model.unitCount()
                : model.filledCount(r.unit()) + "/" + model.requiredCount());
        filled.getStyleClass().add("number");
        cols.add(unit);
        cols.add(zone);
        cols.add(filled);
        for (EntryColumn c : model.columns()) {
            cols.add(valueColumn(c));
        }
        table.getColumns().setAll(cols);
    }

    private TableColumn<EntryRow, String> fixed(String id, String title, double width,
                                                java.util.function.Function<EntryRow, String> text) {
        TableColumn<EntryRow, String> c = new TableColumn<>(title);
        c.setId(id);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setEditable(false);
        c.setReorderable(false);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(text.apply(f.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            private final HoverTip tip = new HoverTip(this);

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                EntryRow row = empty || getIndex() < 0 || getIndex() >= getTableView().getItems().size() ? null
                        : getTableView().getItems().get(getIndex());
                getStyleClass().remove("entry-incomplete");
                tip.say(null);
                if (row != null && !row.summary() && !row.city() && c.getId().equals("entry-col-filled")) {
                    if (model.filledCount(row.unit()) < model.requiredCount()) {
                        getStyleClass().add("entry-incomplete");
                    }
                    tip.say(Messages.get().text("ui.entry.filled-tip",
                            Integer.toString(model.filledCount(row.unit())), Integer.toString(model.requiredCount())));
                }
            }
        });
        return c;
    }

    private TableColumn<EntryRow, String> valueColumn(EntryColumn column) {
        TableColumn<EntryRow, String> c = new TableColumn<>();
        c.setId(columnId(column.code()));
        c.setUserData(column.code());
        c.setPrefWidth(widths.getOrDefault(column.code(), 112.0));
        c.widthProperty().addListener((o, was, is) -> widths.put(column.code(), is.doubleValue()));
        c.setSortable(false);
        c.setReorderable(false);
        c.setEditable(true);
        Label header = new Label(column.unitOfMeasure().isEmpty() ? column.name()
                : column.name() + "\n（" + column.unitOfMeasure() + "）");
        header.setWrapText(true);
        header.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        header.setAlignment(Pos.CENTER);
        // the header gives its graphic no width to wrap in unless told: the column's width, less padding
        header.prefWidthProperty().bind(c.widthProperty().subtract(10));
        header.setMinHeight(HEADER_HEIGHT); // the header row does not grow with wrapped text by itself
        new HoverTip(header).say(Messages.get().text("ui.entry.column-tip", column.code()));
        c.setGraphic(header);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().summary()
                ? model.filledUnits(column.code()) + "/" + model.unitCount()
                : model.display(f.getValue().unit(), column.code())));
        c.setCellFactory(col -> new EntryTableCell(model, column.code(), this::takeTyped, this::move));
        return c;
    }

    private String takeTyped() {
        String t = typed;
        typed = null;
        return t;
    }

    /** After Enter (0) the cell below is selected, after Tab (1) the one to the right. */
    private void move(int direction) {
        TablePosition<EntryRow, ?> at = table.getFocusModel().getFocusedCell();
        if (at == null || at.getTableColumn() == null) {
            return;
        }
        int row = at.getRow();
        int col = table.getVisibleLeafIndex(at.getTableColumn());
        if (direction == 0 && row + 1 < table.getItems().size() && !table.getItems().get(row + 1).summary()) {
            row++;
        } else if (direction == 1 && col + 1 < table.getVisibleLeafColumns().size()) {
            col++;
        }
        table.getSelectionModel().clearAndSelect(row, table.getVisibleLeafColumn(col));
        table.getFocusModel().focus(row, table.getVisibleLeafColumn(col));
        table.requestFocus();
    }

    private void selectForNote(TablePosition<EntryRow, ?> pos) {
        String code = pos == null || pos.getTableColumn() == null ? null : (String) pos.getTableColumn().getUserData();
        EntryRow row = pos == null || pos.getRow() < 0 || pos.getRow() >= table.getItems().size() ? null
                : table.getItems().get(pos.getRow());
        if (code == null || row == null || row.summary() || (row.city() && !model.takesCityFigure(code))) {
            model.select(null, null);
        } else {
            model.select(row.unit(), code);
        }
    }

    /** The focused value cell, if the focus is on one of a unit. */
    private TablePosition<EntryRow, ?> focusedValueCell() {
        TablePosition<EntryRow, ?> at = table.getFocusModel().getFocusedCell();
        if (at == null || at.getTableColumn() == null || at.getTableColumn().getUserData() == null
                || at.getRow() < 0 || at.getRow() >= table.getItems().size() || table.getItems().get(at.getRow()).summary()) {
            return null;
        }
        if (table.getItems().get(at.getRow()).city() && !model.takesCityFigure((String) at.getTableColumn().getUserData())) {
            return null; // a rate or share has no city cell
        }
        return at;
    }

    private void typed(KeyEvent e) {
        String ch = e.getCharacter();
        if (table.getEditingCell() != null || e.isShortcutDown() || e.isAltDown() || ch == null || ch.isEmpty()
                || Character.isISOControl(ch.charAt(0)) || !model.editableProperty().get()) {
            return;
        }
        TablePosition<EntryRow, ?> at = focusedValueCell();
        if (at == null) {
            return;
        }
        typed = ch;
        table.edit(at.getRow(), at.getTableColumn());
        if (table.getEditingCell() == null) {
            typed = null;
        }
        e.consume();
    }

    private void pressed(KeyEvent e) {
        if (table.getEditingCell() != null) {
            return;
        }
        TablePosition<EntryRow, ?> at = focusedValueCell();
        if ((e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.F2) && at != null && !e.isShortcutDown()) {
            table.edit(at.getRow(), at.getTableColumn());
            e.consume();
        } else if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
            model.clear(selectedKeys());
            e.consume();
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.V) {
            paste();
            e.consume();
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
            copy();
            e.consume();
        }
    }

    /** The selected value cells of units, as places. */
    private Set<EntryGrid.Key> selectedKeys() {
        Set<EntryGrid.Key> out = new LinkedHashSet<>();
        for (TablePosition<?, ?> p : table.getSelectionModel().getSelectedCells()) {
            Object code = p.getTableColumn() == null ? null : p.getTableColumn().getUserData();
            if (code != null && p.getRow() >= 0 && p.getRow() < table.getItems().size()
                    && !table.getItems().get(p.getRow()).summary()) {
                out.add(new EntryGrid.Key(table.getItems().get(p.getRow()).unit(), (String) code));
            }
        }
        return out;
    }

    /** Pastes at the top left of the selection (else the focused cell). */
    private void paste() {
        String text = Clipboard.getSystemClipboard().getString();
        List<TablePosition> cells = new ArrayList<>(table.getSelectionModel().getSelectedCells());
        cells.removeIf(p -> p.getTableColumn() == null || p.getTableColumn().getUserData() == null
                || p.getRow() >= table.getItems().size() || table.getItems().get(p.getRow()).summary());
        TablePosition<?, ?> anchor = cells.stream().min(Comparator.<TablePosition>comparingInt(TablePosition::getRow)
                .thenComparingInt(p -> table.getVisibleLeafIndex(p.getTableColumn()))).orElse(focusedValueCell());
        if (anchor == null) {
            model.paste("", "", text == null ? "" : text);
            return;
        }
        model.paste(table.getItems().get(anchor.getRow()).unit(), (String) anchor.getTableColumn().getUserData(),
                text == null ? "" : text);
    }

    /** Ctrl+C: the selected cells as tab-separated lines, as Excel reads them. */
    private void copy() {
        List<TablePosition> cells = new ArrayList<>(table.getSelectionModel().getSelectedCells());
        if (cells.isEmpty()) {
            return;
        }
        cells.sort(Comparator.<TablePosition>comparingInt(TablePosition::getRow)
                .thenComparingInt(p -> table.getVisibleLeafIndex(p.getTableColumn())));
        StringBuilder out = new StringBuilder();
        int row = cells.get(0).getRow();
        boolean first = true;
        for (TablePosition p : cells) {
            if (p.getRow() != row) {
                out.append("\r\n");
                row = p.getRow();
                first = true;
            }
            if (!first) {
                out.append('\t');
            }
            Object v = p.getTableColumn().getCellData(p.getRow());
            out.append(v == null ? "" : v.toString());
            first = false;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(out.append("\r\n").toString());
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** The grid (for tests). */
    public TableView<EntryRow> table() {
        return table;
    }
}
