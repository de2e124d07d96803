package org.sanlian.workbench.ui.scheme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;

import org.sanlian.workbench.core.model.CityTarget;
import org.sanlian.workbench.i18n.Messages;

/**
 * The form below the 全市目标 table: the chosen city target's code (one of the scheme's indicators,
 * inputs and derived entries), name, target value and year, aggregate, the year a cumulative target
 * counts from and the baseline (year and value together). Texts take effect on Enter or when the
 * field is left, choices at once; each change is one undo step of the view model, and a value the
 * validator refuses is not kept and its message is shown beside the field.
 */
final class CityTargetForm extends GridPane {

    private final SchemeEditorViewModel model;
    private final TableView<CityTarget> table;
    private final List<Runnable> refreshers = new ArrayList<>();
    private final List<Label> problems = new ArrayList<>();
    /** Set while the fields are filled from the model: their change events then are not the user's. */
    private boolean filling;
    private int row;

    CityTargetForm(SchemeEditorViewModel model, TableView<CityTarget> table) {
        this.model = model;
        this.table = table;
        NodeForm.layOutAsForm(this, 320);
        build();
        table.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> {
            problems.forEach(p -> p.setText(""));
            update();
        });
        model.stateProperty().addListener((obs, old, now) -> update());
        // not bound to the selection: the table's rows are replaced after each edit, and a form disabled
        // for that moment would take the focus from the field being typed in (no selection: refused)
        disableProperty().bind(model.editableProperty().not().or(javafx.beans.binding.Bindings.isEmpty(table.getItems())));
        update();
    }

    private Optional<CityTarget> chosen() {
        return Optional.ofNullable(table.getSelectionModel().getSelectedItem());
    }

    private int index() {
        return table.getSelectionModel().getSelectedIndex();
    }

    private void update() {
        filling = true;
        try {
            refreshers.forEach(Runnable::run);
        } finally {
            filling = false;
        }
    }

    private void build() {
        Messages m = Messages.get();
        ComboBox<String> code = SchemeEditorView.combo(SchemeTables.CT_CODE_ID, List.of(), model::cityTargetCodeLabel);
        code.setPrefWidth(320);
        Label codeProblem = problem();
        code.valueProperty().addListener((obs, old, now) -> {
            if (!filling && now != null) {
                commit(codeProblem, model.setCityTargetCode(index(), now));
            }
        });
        addRow(row++, new Label(m.text("ui.scheme.code")), code, codeProblem);
        refreshers.add(() -> {
            code.getItems().setAll(model.cityTargetCodes());
            code.setValue(chosen().map(CityTarget::code).orElse(null));
        });

        text(SchemeTables.CT_NAME_ID, "ui.scheme.name", model::setCityTargetName, CityTarget::name, null, null);
        text(SchemeTables.CT_TARGET_ID, "ui.scheme.ct-target-label", model::setCityTargetValue,
                t -> SchemeEditorView.number(t.target()), null, null).setPrefColumnCount(10);
        text(SchemeTables.CT_YEAR_ID, "ui.scheme.ct-year-label", model::setCityTargetYear,
                t -> Integer.toString(t.year()), null, null).setPrefColumnCount(6);

        ComboBox<CityTarget.CityAggregate> aggregate = SchemeEditorView.combo(SchemeTables.CT_AGGREGATE_ID,
                Arrays.asList(CityTarget.CityAggregate.values()), a -> m.text("ui.scheme.ct-aggregate." + a.name()));
        aggregate.setTooltip(new Tooltip(m.text("ui.scheme.ct-aggregate-tip")));
        Label aggregateProblem = problem();
        aggregate.valueProperty().addListener((obs, old, now) -> {
            if (!filling && now != null) {
                commit(aggregateProblem, model.setCityTargetAggregate(index(), now));
            }
        });
        addRow(row++, new Label(m.text("ui.scheme.ct-aggregate-label")), aggregate, aggregateProblem);
        refreshers.add(() -> aggregate.setValue(chosen().map(CityTarget::aggregate).orElse(null)));

        text(SchemeTables.CT_CUMULATIVE_ID, "ui.scheme.ct-cumulative-label", model::setCityTargetCumulativeFrom,
                t -> t.cumulativeFrom().isPresent() ? Integer.toString(t.cumulativeFrom().getAsInt()) : "",
                "ui.scheme.ct-cumulative-prompt", "ui.scheme.ct-cumulative-tip").setPrefColumnCount(6);
        baseline();
    }

    /** The baseline's year and value, each committing both together (one without the other is refused). */
    private void baseline() {
        Messages m = Messages.get();
        Label problem = problem();
        TextField[] fields = new TextField[2];
        fields[0] = SchemeEditorView.committing(SchemeTables.CT_BASELINE_YEAR_ID,
                t -> model.setCityTargetBaseline(index(), t, fields[1].getText()), problem);
        fields[1] = SchemeEditorView.committing(SchemeTables.CT_BASELINE_VALUE_ID,
                t -> model.setCityTargetBaseline(index(), fields[0].getText(), t), problem);
        fields[0].setPrefColumnCount(6);
        fields[1].setPrefColumnCount(8);
        fields[0].setPromptText(m.text("ui.scheme.ct-baseline-year-prompt"));
        fields[1].setPromptText(m.text("ui.scheme.ct-baseline-value-prompt"));
        for (TextField f : fields) {
            f.setTooltip(new Tooltip(m.text("ui.scheme.ct-baseline-tip")));
        }
        addRow(row++, new Label(m.text("ui.scheme.ct-baseline-label")), new HBox(6, fields[0], fields[1]), problem);
        refreshers.add(() -> {
            Optional<CityTarget.Baseline> b = chosen().flatMap(CityTarget::baseline);
            SchemeEditorView.show(fields[0], b.map(x -> Integer.toString(x.year())).orElse(""));
            SchemeEditorView.show(fields[1], b.map(x -> SchemeEditorView.number(x.value())).orElse(""));
        });
    }

    private TextField text(String id, String labelKey, BiFunction<Integer, String, Optional<String>> commit,
                           Function<CityTarget, String> value, String promptKey, String tipKey) {
        Label problem = problem();
        TextField field = SchemeEditorView.committing(id, t -> commit.apply(index(), t), problem);
        if (promptKey != null) {
            field.setPromptText(Messages.get().text(promptKey));
        }
        if (tipKey != null) {
            field.setTooltip(new Tooltip(Messages.get().text(tipKey)));
        }
        addRow(row++, new Label(Messages.get().text(labelKey)), field, problem);
        refreshers.add(() -> SchemeEditorView.show(field, chosen().map(value).orElse("")));
        return field;
    }

    /** Shows why a choice was refused and puts back what the scheme holds. */
    private void commit(Label problem, Optional<String> refused) {
        problem.setText(refused.orElse(""));
        if (refused.isPresent()) {
            update();
        }
    }

    private Label problem() {
        Label problem = new Label();
        problem.getStyleClass().add("error-message");
        problem.setWrapText(true);
        problems.add(problem);
        return problem;
    }
}
