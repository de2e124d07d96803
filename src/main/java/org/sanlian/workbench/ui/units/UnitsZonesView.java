package org.sanlian.workbench.ui.units;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToolBar;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.sanlian.workbench.ui.common.PublishedBar;
import org.sanlian.workbench.core.model.Zone;
import org.sanlian.workbench.i18n.Messages;

/**
 * 单位与分区: one column per zone of the chosen year's scheme, each listing its units. A unit is
 * moved by dragging it onto another zone (or another place in its own), or with the keyboard:
 * Ctrl+←/→ to the neighbouring zone, Ctrl+↑/↓ within its zone; 移到分区 names the zone. Insert adds a
 * unit, F2 renames the chosen one. 撤销/重做/保存 act on the whole set of edits; a published year
 * shows why it cannot be saved and offers 复制到新年度. Built in code; all state lives in the view model.
 */
public final class UnitsZonesView extends BorderPane {

    public static final String ZONES_ID = "zones";
    public static final String MOVE_TO_ID = "units-move-to";
    public static final String UP_ID = "units-up";
    public static final String DOWN_ID = "units-down";
    public static final String ADD_ID = "units-add";
    public static final String RENAME_ID = "units-rename";
    public static final String UNDO_ID = "units-undo";
    public static final String REDO_ID = "units-redo";
    public static final String SAVE_ID = "units-save";
    public static final String PUBLISHED_ID = "units-published";
    public static final String COPY_ID = "units-copy-to-new-year";
    public static final String ERROR_ID = "units-error";
    public static final String SUMMARY_ID = "units-summary";
    public static final String NOTICE_ID = "units-notice";
    /** In the add dialog. */
    public static final String NEW_CODE_ID = "unit-code";
    public static final String NEW_NAME_ID = "unit-name";
    public static final String NEW_ZONE_ID = "unit-zone";
    public static final String DIALOG_ERROR_ID = "unit-dialog-error";
    /** In the copy dialog. */
    public static final String NEW_YEAR_ID = "copy-year";

    /** What a dragged unit carries: its code. Private to the workbench, so other drags are not taken. */
    static final DataFormat UNIT = new DataFormat("application/x-sanlian-unit");

    private static final String DROP_BEFORE = "drop-before";
    private static final String DROP_AFTER = "drop-after";
    private static final String DROP_TARGET = "drop-target";

    private final UnitsZonesViewModel model;
    private final HBox columns = new HBox(12);
    private final List<ListView<String>> lists = new ArrayList<>();
    private final List<String> zoneKeys = new ArrayList<>();
    private MenuButton moveTo;
    /** Set while the lists are refilled: their selection events then are not the user's choice. */
    private boolean rendering;

    public UnitsZonesView(UnitsZonesViewModel model) {
        this.model = model;
        createView();
        initListeners();
        render(model.state());
    }

    /** The list of a zone, by zone code. */
    public static String zoneListId(String zoneCode) {
        return "zone-" + zoneCode;
    }

    private void createView() {
        Messages m = Messages.get();
        getStyleClass().add("units-view");

        PublishedBar publishedBar = new PublishedBar(m.text("ui.units.published"), PUBLISHED_ID, COPY_ID,
                model.publishedProperty().or(model.refusedProperty()),
                model.editableProperty().not().or(model.busyProperty()), this::askCopy);

        moveTo = new MenuButton(m.text("ui.units.move-to"));
        moveTo.setId(MOVE_TO_ID);
        Button up = button(UP_ID, "ui.units.up", () -> model.shiftSelected(-1));
        Button down = button(DOWN_ID, "ui.units.down", () -> model.shiftSelected(1));
        Button add = button(ADD_ID, "ui.units.add", this::askAdd);
        Button rename = button(RENAME_ID, "ui.units.rename", this::askRename);
        Button undo = button(UNDO_ID, "ui.units.undo", model::undo);
        Button redo = button(REDO_ID, "ui.units.redo", model::redo);
        Button save = button(SAVE_ID, "ui.units.save", () -> model.save(() -> { }));
        save.getStyleClass().add("default-action");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        ToolBar toolbar = new ToolBar(moveTo, up, down, new Separator(), add, rename, new Separator(), undo, redo,
                save, grow, busy);

        var noSelection = Bindings.createBooleanBinding(() -> model.selectedUnit().isEmpty(),
                model.selectedProperty(), model.stateProperty());
        var locked = model.editableProperty().not().or(model.busyProperty());
        moveTo.disableProperty().bind(locked.or(noSelection));
        up.disableProperty().bind(locked.or(noSelection));
        down.disableProperty().bind(locked.or(noSelection));
        rename.disableProperty().bind(locked.or(noSelection));
        add.disableProperty().bind(locked);
        undo.disableProperty().bind(model.canUndoProperty().not().or(model.busyProperty()));
        redo.disableProperty().bind(model.canRedoProperty().not().or(model.busyProperty()));
        save.disableProperty().bind(model.dirtyProperty().not().or(locked));

        setTop(new VBox(publishedBar, toolbar));

        columns.setId(ZONES_ID);
        columns.setPadding(new Insets(10));
        columns.setFillHeight(true);
        ScrollPane scroll = new ScrollPane(columns);
        scroll.setFitToHeight(true);
        scroll.setFitToWidth(true);
        setCenter(scroll);

        Label error = new Label();
        error.setId(ERROR_ID);
        error.getStyleClass().add("error-message");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(Bindings.isNotEmpty(model.errorProperty()));
        error.managedProperty().bind(error.visibleProperty());
        Label hint = new Label(m.text("ui.units.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        Label summary = new Label();
        summary.setId(SUMMARY_ID);
        summary.textProperty().bind(model.summaryProperty());
        Label notice = new Label();
        notice.setId(NOTICE_ID);
        notice.textProperty().bind(model.noticeProperty());
        HBox status = new HBox(16, summary, notice);
        VBox bottom = new VBox(4, error, hint, status);
        bottom.setPadding(new Insets(6, 10, 6, 10));
        setBottom(bottom);
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(Messages.get().text(key));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void initListeners() {
        // the screen's keys work wherever the focus is on it (after a dialog it is on a button)
        addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        model.stateProperty().addListener((obs, old, now) -> render(now));
        model.selectedProperty().addListener((obs, old, now) -> showSelection(now, false));
    }

    /** Builds the zone columns again when the zones differ; otherwise only refills their lists. */
    private void render(UnitsAndZones state) {
        rendering = true;
        try {
            renderZones(state);
        } finally {
            rendering = false;
        }
    }

    private void renderZones(UnitsAndZones state) {
        List<Zone> zones = state == null ? List.of() : state.zones();
        List<String> keys = zones.stream().map(z -> z.code() + "\u0000" + z.name()).toList();
        boolean hadFocus = lists.stream().anyMatch(Node::isFocused);
        if (!keys.equals(zoneKeys)) {
            zoneKeys.clear();
            zoneKeys.addAll(keys);
            lists.clear();
            columns.getChildren().clear();
            for (Zone z : zones) {
                columns.getChildren().add(createColumn(z));
            }
            moveTo.getItems().clear();
            for (Zone z : zones) {
                MenuItem item = new MenuItem(z.name());
                item.setId("move-to-" + z.code());
                item.setOnAction(e -> model.moveSelectedTo(z.code()));
                moveTo.getItems().add(item);
            }
        }
        for (int i = 0; i < zones.size(); i++) {
            lists.get(i).getItems().setAll(zones.get(i).units());
            lists.get(i).refresh(); // a renamed unit keeps its code: its cell must show the new name
            Label header = (Label) ((VBox) columns.getChildren().get(i)).getChildren().get(0);
            header.setText(Messages.get().text("ui.units.zone-header", zones.get(i).name(),
                    Integer.toString(zones.get(i).units().size())));
        }
        showSelection(model.selectedProperty().get(), hadFocus);
    }

    private VBox createColumn(Zone zone) {
        Label header = new Label(zone.name());
        header.getStyleClass().add("zone-header");
        header.setMaxWidth(Double.MAX_VALUE);
        ListView<String> list = new ListView<>();
        list.setId(zoneListId(zone.code()));
        list.setUserData(zone.code());
        list.setPrefWidth(240);
        list.setCellFactory(v -> new UnitCell(zone.code()));
        list.setPlaceholder(new Label(Messages.get().text("ui.units.zone-empty")));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, unit) -> {
            if (unit != null && !rendering) {
                model.select(unit);
            }
        });
        list.focusedProperty().addListener((obs, was, is) -> {
            if (is && list.getSelectionModel().getSelectedItem() != null) {
                model.select(list.getSelectionModel().getSelectedItem());
            }
        });
        // a drop on the list outside any unit puts the unit at the zone's end
        list.setOnDragOver(e -> accept(e, list));
        list.setOnDragExited(e -> list.getStyleClass().remove(DROP_TARGET));
        list.setOnDragDropped(e -> drop(e, zone.code(), Optional.empty()));
        header.setOnDragOver(e -> accept(e, list));
        header.setOnDragExited(e -> list.getStyleClass().remove(DROP_TARGET));
        header.setOnDragDropped(e -> drop(e, zone.code(), Optional.empty()));
        VBox.setVgrow(list, Priority.ALWAYS);
        lists.add(list);
        VBox column = new VBox(6, header, list);
        column.getStyleClass().add("zone-column");
        HBox.setHgrow(column, Priority.ALWAYS);
        return column;
    }

    /** Selects the chosen unit in its zone's list (and nothing in the others); focuses it when asked. */
    private void showSelection(String unit, boolean focus) {
        boolean was = rendering;
        rendering = true;
        try {
            select(unit, focus);
        } finally {
            rendering = was;
        }
    }

    private void select(String unit, boolean focus) {
        for (ListView<String> list : lists) {
            int at = unit == null ? -1 : list.getItems().indexOf(unit);
            if (at >= 0) {
                if (list.getSelectionModel().getSelectedIndex() != at) {
                    list.getSelectionModel().clearAndSelect(at);
                }
                list.getFocusModel().focus(at);
                list.scrollTo(at);
                if (focus) {
                    list.requestFocus();
                }
            } else if (!list.getSelectionModel().isEmpty()) {
                list.getSelectionModel().clearSelection();
            }
        }
    }

    private void keys(KeyEvent e) {
        boolean ctrl = e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown();
        if (ctrl && e.getCode() == KeyCode.UP) {
            model.shiftSelected(-1);
        } else if (ctrl && e.getCode() == KeyCode.DOWN) {
            model.shiftSelected(1);
        } else if (ctrl && e.getCode() == KeyCode.LEFT) {
            model.moveSelectedToNeighbour(-1);
        } else if (ctrl && e.getCode() == KeyCode.RIGHT) {
            model.moveSelectedToNeighbour(1);
        } else if (e.getCode() == KeyCode.F2 && !e.isShortcutDown()) {
            askRename();
        } else if (e.getCode() == KeyCode.INSERT && !e.isShortcutDown()) {
            askAdd();
        } else {
            return;
        }
        e.consume();
    }

    // --- drag and drop ---------------------------------------------------------------------

    private final class UnitCell extends ListCell<String> {

        private final String zone;
        private final Label code = new Label();

        UnitCell(String zone) {
            this.zone = zone;
            code.getStyleClass().add("unit-code");
            setContentDisplay(ContentDisplay.RIGHT);
            setGraphicTextGap(10);
            setOnDragDetected(e -> {
                if (isEmpty() || getItem() == null || !model.editableProperty().get()) {
                    return;
                }
                Dragboard board = startDragAndDrop(TransferMode.MOVE);
                ClipboardContent content = new ClipboardContent();
                content.put(UNIT, getItem());
                board.setContent(content);
                board.setDragView(snapshot(null, null));
                e.consume();
            });
            setOnDragOver(e -> {
                if (isEmpty() || !carriesUnit(e)) {
                    return;
                }
                e.acceptTransferModes(TransferMode.MOVE);
                boolean upper = e.getY() < getHeight() / 2;
                getStyleClass().removeAll(DROP_BEFORE, DROP_AFTER);
                getStyleClass().add(upper ? DROP_BEFORE : DROP_AFTER);
                e.consume();
            });
            setOnDragExited(e -> getStyleClass().removeAll(DROP_BEFORE, DROP_AFTER));
            setOnDragDropped(e -> {
                if (isEmpty()) {
                    return; // the list takes it: to the zone's end
                }
                Optional<String> before;
                if (e.getY() < getHeight() / 2) {
                    before = Optional.of(getItem());
                } else {
                    int next = getIndex() + 1;
                    before = next < getListView().getItems().size()
                            ? Optional.of(getListView().getItems().get(next)) : Optional.empty();
                }
                drop(e, zone, before);
            });
        }

        @Override
        protected void updateItem(String unit, boolean empty) {
            super.updateItem(unit, empty);
            getStyleClass().removeAll(DROP_BEFORE, DROP_AFTER);
            if (empty || unit == null || model.state() == null) {
                setText(null);
                setGraphic(null);
            } else {
                setText(model.state().name(unit));
                code.setText(unit);
                setGraphic(code);
            }
        }
    }

    private static boolean carriesUnit(DragEvent e) {
        return e.getDragboard().hasContent(UNIT);
    }

    private void accept(DragEvent e, ListView<String> list) {
        if (carriesUnit(e) && model.editableProperty().get()) {
            e.acceptTransferModes(TransferMode.MOVE);
            if (!list.getStyleClass().contains(DROP_TARGET)) {
                list.getStyleClass().add(DROP_TARGET);
            }
            e.consume();
        }
    }

    private void drop(DragEvent e, String zone, Optional<String> before) {
        boolean done = false;
        if (carriesUnit(e)) {
            Object unit = e.getDragboard().getContent(UNIT);
            if (unit instanceof String) {
                model.move((String) unit, zone, before);
                done = true;
            }
        }
        e.setDropCompleted(done);
        e.consume();
    }

    // --- dialogs ---------------------------------------------------------------------------

    private void askAdd() {
        UnitsAndZones state = model.state();
        if (state == null || !model.editableProperty().get()) {
            return;
        }
        Messages m = Messages.get();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(getScene() == null ? null : getScene().getWindow());
        dialog.setTitle(m.text("ui.units.add-title"));
        dialog.setHeaderText(m.text("ui.units.add-header"));
        TextField code = new TextField();
        code.setId(NEW_CODE_ID);
        code.setPromptText("331102");
        TextField name = new TextField();
        name.setId(NEW_NAME_ID);
        ComboBox<Zone> zone = new ComboBox<>();
        zone.setId(NEW_ZONE_ID);
        zone.getItems().setAll(state.zones());
        zone.setConverter(new StringConverter<>() {
            @Override
            public String toString(Zone z) {
                return z == null ? "" : z.name();
            }

            @Override
            public Zone fromString(String s) {
                return null;
            }
        });
        String selectedZone = model.selectedUnit().flatMap(state::zoneOf).map(Zone::code).orElse(null);
        zone.getSelectionModel().select(state.zones().stream().filter(z -> z.code().equals(selectedZone))
                .findFirst().orElse(state.zones().isEmpty() ? null : state.zones().get(0)));
        Label problem = new Label();
        problem.setId(DIALOG_ERROR_ID);
        problem.getStyleClass().add("error-message");
        problem.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label(m.text("ui.units.code")), code);
        grid.addRow(1, new Label(m.text("ui.units.name")), name);
        grid.addRow(2, new Label(m.text("ui.units.zone")), zone);
        grid.add(problem, 0, 3, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        Runnable check = () -> {
            Optional<String> p = model.checkNewUnit(code.getText(), name.getText(),
                    zone.getValue() == null ? null : zone.getValue().code());
            boolean started = !code.getText().isBlank() || !name.getText().isBlank();
            problem.setText(started ? p.orElse("") : "");
            ok.setDisable(p.isPresent());
        };
        code.textProperty().addListener((o, a, b) -> check.run());
        name.textProperty().addListener((o, a, b) -> check.run());
        zone.valueProperty().addListener((o, a, b) -> check.run());
        check.run();
        dialog.setOnShown(e -> code.requestFocus());
        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.isPresent() && answer.get() == ButtonType.OK && zone.getValue() != null) {
            model.addUnit(code.getText(), name.getText(), zone.getValue().code());
        }
        showSelection(model.selectedProperty().get(), true);
    }

    private void askRename() {
        Optional<String> unit = model.selectedUnit();
        if (unit.isEmpty() || !model.editableProperty().get()) {
            return;
        }
        Messages m = Messages.get();
        TextInputDialog dialog = new TextInputDialog(model.state().name(unit.get()));
        dialog.initOwner(getScene() == null ? null : getScene().getWindow());
        dialog.setTitle(m.text("ui.units.rename-title"));
        dialog.setHeaderText(m.text("ui.units.rename-header", model.state().name(unit.get()), unit.get()));
        dialog.getEditor().setId(NEW_NAME_ID);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> dialog.getEditor().getText().isBlank(),
                dialog.getEditor().textProperty()));
        dialog.showAndWait().ifPresent(model::renameSelected);
        showSelection(model.selectedProperty().get(), true);
    }

    private void askCopy() {
        Integer from = model.yearProperty().get();
        if (from != null) {
            PublishedBar.askNewYear(getScene() == null ? null : getScene().getWindow(), from,
                    model.suggestedNewYear(), model.isDirty(), model::checkNewYear, model::copyToNewYear, NEW_YEAR_ID,
                    DIALOG_ERROR_ID);
        }
    }
}
