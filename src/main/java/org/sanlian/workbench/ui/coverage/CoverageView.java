package org.sanlian.workbench.ui.coverage;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.sanlian.workbench.core.model.CoverageItem;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.i18n.Messages;

/**
 * 七有覆盖: the units with their coverage rates on the left; on the right the chosen unit's
 * characteristic industry chains, each with its seven items (a check and the evidence). A chain's
 * name and an item's evidence are taken on Enter or when the field is left. Built in code.
 */
public final class CoverageView extends HBox {

    public static final String UNITS_ID = "coverage-units";
    public static final String SUMMARY_ID = "coverage-summary";
    public static final String UNIT_TITLE_ID = "coverage-unit-title";
    public static final String NEW_CHAIN_ID = "coverage-new-chain";
    public static final String ADD_CHAIN_ID = "coverage-add-chain";
    public static final String PROBLEM_ID = "coverage-problem";
    public static final String ERROR_ID = "coverage-error";
    public static final String NOTICE_ID = "coverage-notice";
    public static final String SAVE_ID = "coverage-save";
    public static final String CARRY_OVER_ID = "coverage-carry-over";
    public static final String CARRY_OVER_UNIT_ID = "coverage-carry-over-unit";

    private final CoverageViewModel model;
    private final ListView<Unit> unitList = new ListView<>();
    private final VBox chainBox = new VBox(12);
    private final Label unitTitle = new Label();
    private final List<Runnable> refreshers = new ArrayList<>();
    private final List<TextField> pendingFields = new ArrayList<>();
    /** The unit and chain names the chain editors were built for: rebuilt only when these change. */
    private List<String> builtFor = List.of();

    public CoverageView(CoverageViewModel model) {
        super(10);
        this.model = model;
        createView();
        model.sheetProperty().addListener((o, a, b) -> update());
        model.selectedProperty().addListener((o, a, b) -> update());
        update();
    }

    public static String chainNameId(int chain) {
        return "coverage-chain-" + chain;
    }

    public static String removeId(int chain) {
        return "coverage-remove-" + chain;
    }

    public static String itemId(int chain, int item) {
        return "coverage-item-" + chain + "-" + item;
    }

    public static String evidenceId(int chain, int item) {
        return "coverage-evidence-" + chain + "-" + item;
    }

    private void createView() {
        Messages m = Messages.get();
        getStyleClass().add("coverage-view");
        setPadding(new Insets(10));

        unitList.setId(UNITS_ID);
        unitList.setItems(model.units());
        unitList.setPrefWidth(250);
        unitList.setMinWidth(240);
        unitList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Unit u, boolean empty) {
                super.updateItem(u, empty);
                setText(empty || u == null ? null
                        : m.text("ui.coverage.unit-row", u.name(), CoverageViewModel.rateText(model.rate(u.code()))));
            }
        });
        unitList.getSelectionModel().selectedItemProperty().addListener((o, a, u) -> {
            if (u != null) {
                model.select(u.code());
            }
        });

        Label summary = new Label();
        summary.setId(SUMMARY_ID);
        summary.getStyleClass().add("section-title");
        summary.textProperty().bind(model.summaryProperty());
        summary.setWrapText(true);

        unitTitle.setId(UNIT_TITLE_ID);
        unitTitle.getStyleClass().add("section-title");

        TextField newChain = new TextField();
        newChain.setId(NEW_CHAIN_ID);
        newChain.setPromptText(m.text("ui.coverage.new-chain-prompt"));
        newChain.setPrefColumnCount(16);
        Button add = new Button(m.text("ui.coverage.add-chain"));
        add.setId(ADD_CHAIN_ID);
        Runnable adding = () -> {
            if (model.addChain(newChain.getText()).isEmpty()) {
                newChain.clear();
            }
        };
        add.setOnAction(e -> adding.run());
        newChain.setOnAction(e -> adding.run());
        add.disableProperty().bind(model.editableProperty().not());
        Button carry = new Button(m.text("ui.coverage.carry-over"));
        carry.setId(CARRY_OVER_ID);
        carry.setOnAction(e -> {
            commitFocused();
            model.carryOver();
        });
        carry.disableProperty().bind(model.canCarryOverProperty().not());
        Button carryUnit = new Button(m.text("ui.coverage.carry-over-unit"));
        carryUnit.setId(CARRY_OVER_UNIT_ID);
        carryUnit.setOnAction(e -> {
            commitFocused();
            model.carryOverUnit();
        });
        carryUnit.disableProperty().bind(model.canCarryOverUnitProperty().not());
        HBox addRow = new HBox(8, newChain, add, withTip(carry, model.carryOverTipProperty()),
                withTip(carryUnit, model.carryOverUnitTipProperty()));
        addRow.setAlignment(Pos.CENTER_LEFT);

        ScrollPane chains = new ScrollPane(chainBox);
        chains.setFitToWidth(true);
        VBox.setVgrow(chains, Priority.ALWAYS);

        Button undo = new Button(m.text("ui.units.undo"));
        undo.setOnAction(e -> model.undo());
        undo.disableProperty().bind(model.canUndoProperty().not());
        Button redo = new Button(m.text("ui.units.redo"));
        redo.setOnAction(e -> model.redo());
        redo.disableProperty().bind(model.canRedoProperty().not());
        Button save = new Button(m.text("ui.units.save"));
        save.setId(SAVE_ID);
        save.setOnAction(e -> {
            commitFocused();
            model.save(() -> { });
        });
        save.disableProperty().bind(model.dirtyProperty().not().or(model.busyProperty()));
        HBox buttons = new HBox(8, undo, redo, save);

        Label problem = message(PROBLEM_ID, "error-message");
        problem.textProperty().bind(model.problemProperty());
        Label error = message(ERROR_ID, "error-message");
        error.textProperty().bind(model.errorProperty());
        Label notice = message(NOTICE_ID, "status-message");
        notice.textProperty().bind(model.noticeProperty());
        Label hint = new Label();
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.textProperty().bind(Bindings.createStringBinding(() -> m.text(model.feedsProperty().get()
                ? "ui.coverage.hint-feeds" : "ui.coverage.hint"), model.feedsProperty()));

        VBox right = new VBox(8, summary, unitTitle, addRow, chains, buttons, problem, error, notice, hint);
        HBox.setHgrow(right, Priority.ALWAYS);
        getChildren().addAll(unitList, right);
    }

    /**
     * The button in a holder that carries its tooltip: a disabled control shows no tooltip of its
     * own, so the holder shows why the button is disabled.
     */
    private static StackPane withTip(Button button, javafx.beans.value.ObservableStringValue tip) {
        Tooltip tooltip = new Tooltip();
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
        tooltip.textProperty().bind(tip);
        StackPane holder = new StackPane(button);
        holder.setId(button.getId() + "-holder");
        Tooltip.install(holder, tooltip);
        return holder;
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

    /** Takes what the focused field holds (the window saves with Ctrl+S while a field has the focus). */
    public void commitFocused() {
        for (TextField f : List.copyOf(pendingFields)) {
            if (f.isFocused() && f.getOnAction() != null) {
                f.getOnAction().handle(null);
            }
        }
    }

    private void update() {
        unitList.refresh();
        String unit = model.selectedUnit().orElse(null);
        if (unit != null) {
            model.units().stream().filter(u -> u.code().equals(unit)).findFirst()
                    .ifPresent(u -> unitList.getSelectionModel().select(u));
        }
        CoverageSheet sheet = model.sheet();
        List<String> key = new ArrayList<>();
        key.add(unit == null ? "" : unit);
        if (sheet != null && unit != null) {
            sheet.chainsOf(unit).forEach(c -> key.add(c.name()));
        }
        if (!key.equals(builtFor)) {
            builtFor = key;
            build(sheet, unit);
        }
        refreshers.forEach(Runnable::run);
        unitTitle.setText(unit == null ? "" : Messages.get().text("ui.coverage.unit-title", model.unitName(unit),
                CoverageViewModel.rateText(model.rate(unit))));
    }

    private void build(CoverageSheet sheet, String unit) {
        chainBox.getChildren().clear();
        refreshers.clear();
        pendingFields.clear();
        if (sheet == null || unit == null) {
            return;
        }
        Messages m = Messages.get();
        List<CoverageSheet.Chain> chains = sheet.chainsOf(unit);
        if (chains.isEmpty()) {
            Label none = new Label(m.text("ui.coverage.no-chains-hint"));
            none.getStyleClass().add("hint");
            chainBox.getChildren().add(none);
        }
        for (int k = 0; k < chains.size(); k++) {
            chainBox.getChildren().add(chainEditor(k, chains.get(k).name()));
        }
    }

    private VBox chainEditor(int k, String chain) {
        Messages m = Messages.get();
        TextField name = new TextField(chain);
        name.setId(chainNameId(k));
        name.setPrefColumnCount(18);
        name.getStyleClass().add("chain-name");
        name.editableProperty().bind(model.editableProperty());
        name.setOnAction(e -> {
            if (model.renameChain(chain, name.getText()).isPresent()) {
                name.setText(chain);
            }
        });
        leaveTakes(name);
        Button remove = new Button(m.text("ui.coverage.remove-chain"));
        remove.setId(removeId(k));
        remove.setOnAction(e -> model.removeChain(chain));
        remove.disableProperty().bind(model.editableProperty().not());
        Label rate = new Label();
        HBox head = new HBox(8, new Label(m.text("ui.coverage.chain")), name, remove, rate);
        head.setAlignment(Pos.CENTER_LEFT);

        GridPane items = new GridPane();
        items.setHgap(8);
        items.setVgap(4);
        items.setPadding(new Insets(0, 0, 0, 16));
        for (int n = 1; n <= CoverageItem.ITEMS; n++) {
            int item = n;
            CheckBox check = new CheckBox(m.text("ui.coverage.item." + n));
            check.setId(itemId(k, n));
            check.disableProperty().bind(model.editableProperty().not());
            check.setOnAction(e -> model.setCovered(chain, item, check.isSelected()));
            TextField evidence = new TextField();
            evidence.setId(evidenceId(k, n));
            evidence.setPromptText(m.text("ui.coverage.evidence-prompt"));
            evidence.setPrefColumnCount(24);
            evidence.editableProperty().bind(model.editableProperty());
            evidence.setOnAction(e -> model.setEvidence(chain, item, evidence.getText()));
            leaveTakes(evidence);
            GridPane.setHgrow(evidence, Priority.ALWAYS);
            items.addRow(n - 1, check, evidence);
            refreshers.add(() -> model.sheet().chain(model.selectedUnit().orElse(""), chain).ifPresent(c -> {
                check.setSelected(c.item(item).covered());
                if (!evidence.getText().equals(c.item(item).evidence())) {
                    evidence.setText(c.item(item).evidence());
                }
            }));
        }
        refreshers.add(() -> model.sheet().chain(model.selectedUnit().orElse(""), chain).ifPresent(c -> {
            long covered = c.items().stream().filter(CoverageSheet.Item::covered).count();
            rate.setText(m.text("ui.coverage.chain-count", Long.toString(covered), Integer.toString(CoverageItem.ITEMS)));
            if (!name.isFocused()) {
                name.setText(chain);
            }
        }));
        VBox box = new VBox(4, head, items);
        box.getStyleClass().add("coverage-chain");
        return box;
    }

    /** Leaving a field takes what it holds, as Enter does. */
    private void leaveTakes(TextField field) {
        pendingFields.add(field);
        field.focusedProperty().addListener((o, was, is) -> {
            if (!is && field.getScene() != null) {
                field.getOnAction().handle(null);
            }
        });
    }
}
