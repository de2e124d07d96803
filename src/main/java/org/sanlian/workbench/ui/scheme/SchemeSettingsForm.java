package org.sanlian.workbench.ui.scheme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.sanlian.workbench.core.model.SensitivitySettings;
import org.sanlian.workbench.core.model.Aggregation;
import org.sanlian.workbench.core.model.Comparison;
import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.i18n.Messages;

/**
 * The 方案 tab: the scheme-wide settings, namely its name, how totals are made, the default
 * comparison set, the decimals of rounded scores and the tie-breaks in order (上移/下移 or Alt+↑/↓
 * in the list), and the settings of the rank-stability analysis (抽样次数, 扰动幅度, 随机种子). Texts take effect on Enter or when the field is left, choices at once; each change
 * is one undo step of the view model, and a refused one shows why beside the field.
 */
final class SchemeSettingsForm extends GridPane {

    static final String NAME_ID = "scheme-settings-name";
    static final String AGGREGATION_ID = "scheme-settings-aggregation";
    static final String COMPARISON_ID = "scheme-settings-comparison";
    static final String DECIMALS_ID = "scheme-settings-decimals";
    static final String TIE_BREAK_ID = "scheme-settings-tie-break";
    static final String TIE_UP_ID = "scheme-settings-tie-up";
    static final String TIE_DOWN_ID = "scheme-settings-tie-down";
    static final String TIE_REMOVE_ID = "scheme-settings-tie-remove";
    static final String TIE_CHOICE_ID = "scheme-settings-tie-choice";
    static final String TIE_ADD_ID = "scheme-settings-tie-add";
    static final String DRAWS_ID = "scheme-settings-draws";
    static final String SPREAD_ID = "scheme-settings-spread";
    static final String SEED_ID = "scheme-settings-seed";

    private final SchemeEditorViewModel model;
    private final List<Runnable> refreshers = new ArrayList<>();
    /** Set while the fields are filled from the model: their change events then are not the user's. */
    private boolean filling;
    private int row;
    private final ListView<String> tieBreaks = new ListView<>();

    SchemeSettingsForm(SchemeEditorViewModel model) {
        this.model = model;
        NodeForm.layOutAsForm(this, 380);
        build();
        model.stateProperty().addListener((obs, old, now) -> update());
        model.editableProperty().addListener((obs, old, now) -> setDisable(!now));
        setDisable(!model.editableProperty().get());
        update();
    }

    private void update() {
        if (model.state() == null) {
            return;
        }
        filling = true;
        try {
            refreshers.forEach(Runnable::run);
        } finally {
            filling = false;
        }
    }

    private void build() {
        Messages m = Messages.get();
        Label code = new Label();
        code.getStyleClass().add("unit-code");
        addRow(row++, new Label(m.text("ui.scheme.code")), code);
        refreshers.add(() -> code.setText(model.state().code()));
        text(NAME_ID, "ui.scheme.scheme-name", model::setSchemeName, Scheme::name, null);
        choice(AGGREGATION_ID, "ui.scheme.aggregation", Arrays.asList(Aggregation.values()),
                a -> m.text("export.aggregation." + a.name()), Scheme::aggregation, model::setAggregation,
                "ui.scheme.aggregation-tip");
        choice(COMPARISON_ID, "ui.scheme.default-comparison", Arrays.asList(Comparison.values()),
                c -> m.text("ui.scheme.comparison." + c.name()), Scheme::comparison, model::setDefaultComparison,
                "ui.scheme.default-comparison-tip");
        TextField decimals = text(DECIMALS_ID, "ui.scheme.decimals", model::setDecimals,
                s -> Integer.toString(s.decimals()), "ui.scheme.decimals-tip");
        decimals.setPrefColumnCount(3);
        decimals.setPromptText(SchemeEditorViewModel.MIN_DECIMALS + "–" + SchemeEditorViewModel.MAX_DECIMALS);
        tieBreak();
        sensitivity();
    }

    /** The rank-stability analysis's settings: what the 稳健性 screen starts with, and its seed. */
    private void sensitivity() {
        Messages m = Messages.get();
        Label heading = new Label(m.text("ui.scheme.sensitivity-heading"));
        heading.getStyleClass().add("section-title");
        add(heading, 0, row++, 3, 1);
        TextField draws = text(DRAWS_ID, "ui.scheme.draws", model::setDraws,
                s -> Integer.toString(s.sensitivity().draws()), "ui.scheme.draws-tip");
        draws.setPrefColumnCount(8);
        draws.setPromptText(SensitivitySettings.MIN_DRAWS + "–"
                + String.format(java.util.Locale.ROOT, "%,d", SensitivitySettings.MAX_DRAWS));
        TextField spread = text(SPREAD_ID, "ui.scheme.spread", model::setSpread,
                s -> SchemeEditorView.number(s.sensitivity().spread()), "ui.scheme.spread-tip");
        spread.setPrefColumnCount(8);
        spread.setPromptText(m.text("ui.scheme.spread-prompt"));
        TextField seed = text(SEED_ID, "ui.scheme.seed", model::setSeed,
                s -> Long.toString(s.sensitivity().seed()), "ui.scheme.seed-tip");
        seed.setPrefColumnCount(12);
        seed.setPromptText(m.text("ui.scheme.seed-prompt"));
    }

    private TextField text(String id, String labelKey, Function<String, Optional<String>> commit,
                           Function<Scheme, String> value, String tipKey) {
        Label problem = problemLabel();
        TextField field = SchemeEditorView.committing(id, commit, problem);
        tip(field, tipKey);
        addRow(row++, new Label(Messages.get().text(labelKey)), field, problem);
        refreshers.add(() -> SchemeEditorView.show(field, value.apply(model.state())));
        return field;
    }

    private <T> void choice(String id, String labelKey, List<T> items, Function<T, String> text,
                            Function<Scheme, T> value, Function<T, Optional<String>> commit, String tipKey) {
        ComboBox<T> box = SchemeEditorView.combo(id, items, text);
        tip(box, tipKey);
        Label problem = problemLabel();
        box.valueProperty().addListener((obs, old, now) -> {
            if (!filling) {
                Optional<String> refused = commit.apply(now);
                problem.setText(refused.orElse(""));
                if (refused.isPresent()) {
                    update(); // keep showing what the scheme holds
                }
            }
        });
        addRow(row++, new Label(Messages.get().text(labelKey)), box, problem);
        refreshers.add(() -> box.setValue(value.apply(model.state())));
    }

    /** The tie-breaks in order with 上移/下移/移除, and a dimension to add at their end. */
    private void tieBreak() {
        Messages m = Messages.get();
        Label problem = problemLabel();
        tieBreaks.setId(TIE_BREAK_ID);
        tieBreaks.setPrefHeight(140);
        tieBreaks.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : model.tieBreakLabel(item));
            }
        });
        tieBreaks.setPlaceholder(new Label(m.text("ui.scheme.tie-break-none")));
        tip(tieBreaks, "ui.scheme.tie-break-tip");
        Button up = button(TIE_UP_ID, "ui.scheme.up", () -> move(-1, problem));
        Button down = button(TIE_DOWN_ID, "ui.scheme.down", () -> move(1, problem));
        Button remove = button(TIE_REMOVE_ID, "ui.scheme.tie-break-remove",
                () -> problem.setText(model.removeTieBreak(tieBreaks.getSelectionModel().getSelectedIndex()).orElse("")));
        var none = tieBreaks.getSelectionModel().selectedIndexProperty().lessThan(0);
        up.disableProperty().bind(none);
        down.disableProperty().bind(none);
        remove.disableProperty().bind(none);
        tieBreaks.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.isAltDown() && (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN)) {
                move(e.getCode() == KeyCode.UP ? -1 : 1, problem);
                e.consume();
            }
        });
        ComboBox<Dimension> choice = SchemeEditorView.combo(TIE_CHOICE_ID, List.of(), d -> d.code() + "　" + d.name());
        Button add = button(TIE_ADD_ID, "ui.scheme.tie-break-add", () -> {
            Dimension d = choice.getValue();
            problem.setText(d == null ? m.text("ui.scheme.choose-dimension") : model.addTieBreak(d.code()).orElse(""));
        });
        add.disableProperty().bind(choice.valueProperty().isNull());
        choice.setPrefWidth(200);
        choice.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(choice.getItems()));
        VBox buttons = new VBox(6, up, down, remove);
        HBox list = new HBox(6, tieBreaks, buttons);
        HBox.setHgrow(tieBreaks, Priority.ALWAYS);
        HBox adding = new HBox(6, choice, add);
        Label label = new Label(m.text("ui.scheme.tie-break"));
        addRow(row++, label, list, problem);
        addRow(row++, new Label(), adding);
        refreshers.add(() -> {
            int at = tieBreaks.getSelectionModel().getSelectedIndex();
            tieBreaks.getItems().setAll(model.state().tieBreak());
            if (at >= 0 && !tieBreaks.getItems().isEmpty()) {
                tieBreaks.getSelectionModel().select(Math.min(at, tieBreaks.getItems().size() - 1));
            }
            choice.getItems().setAll(model.tieBreakChoices());
            choice.setValue(null);
        });
    }

    /** Moves the chosen tie-break and keeps it chosen. */
    private void move(int by, Label problem) {
        int from = tieBreaks.getSelectionModel().getSelectedIndex();
        if (from < 0) {
            return;
        }
        int to = Math.max(0, Math.min(tieBreaks.getItems().size() - 1, from + by));
        Optional<String> refused = model.moveTieBreak(from, to);
        problem.setText(refused.orElse(""));
        if (refused.isEmpty()) {
            tieBreaks.getSelectionModel().select(to);
        }
    }

    private static Button button(String id, String key, Runnable action) {
        Button b = new Button(Messages.get().text(key));
        b.setId(id);
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // never shortened to "…"
        b.setOnAction(e -> action.run());
        return b;
    }

    private static void tip(javafx.scene.control.Control c, String key) {
        if (key != null) {
            c.setTooltip(new Tooltip(Messages.get().text(key)));
        }
    }

    private static Label problemLabel() {
        Label problem = new Label();
        problem.getStyleClass().add("error-message");
        problem.setWrapText(true);
        return problem;
    }
}
