package org.sanlian.workbench.ui.scheme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

import org.sanlian.workbench.core.model.Aggregation;
import org.sanlian.workbench.core.model.Comparison;
import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Direction;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Method;
import org.sanlian.workbench.core.model.MissingPolicy;
import org.sanlian.workbench.core.model.Node;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.TargetSource;
import org.sanlian.workbench.i18n.Messages;

/**
 * The form beside the tree for the chosen node: its name and points, and for an indicator its unit
 * of measure, rule and the rule's parameters (blank: the engine's default, shown as a hint),
 * direction, target source, missing-value policy, comparison set, and its expression when derived,
 * checked as it is typed. Each field's problem is shown beside it. Texts take effect on Enter or
 * when the field is left; choices at once. The rows are rebuilt only when the node or its method
 * changes, so the field being typed in keeps its focus.
 */
final class NodeForm extends GridPane {

    static final String NAME_ID = "scheme-name";
    static final String WEIGHT_ID = "scheme-weight";
    static final String UNIT_ID = "scheme-unit";
    static final String METHOD_ID = "scheme-method";
    static final String DIRECTION_ID = "scheme-direction";
    static final String TARGET_ID = "scheme-target";
    static final String MISSING_ID = "scheme-missing";
    static final String COMPARISON_ID = "scheme-comparison";
    static final String EXPRESSION_ID = "scheme-expression";
    static final String EXPRESSION_PROBLEM_ID = "scheme-expression-problem";

    /** The id of a rule parameter's field. */
    static String parameterId(String name) {
        return "scheme-param-" + name;
    }

    /** The parameters in the order of SCORING.md's table (lower bound before upper). */
    private static final List<String> PARAMETER_ORDER = List.of("target", "cap", "zeroBelow", "partial", "base", "low",
            "high", "mean", "sd", "step", "floor", "perItem");

    private final SchemeEditorViewModel model;
    private final List<Runnable> refreshers = new ArrayList<>();
    private String shape = "";
    /** Set while the fields are filled from the model: their change events then are not the user's. */
    private boolean filling;
    private int row;

    /** The editor's forms: a column of labels, one of fields ({@code fieldWidth} wide by preference), one of problems. */
    static void layOutAsForm(GridPane form, double fieldWidth) {
        form.setHgap(8);
        form.setVgap(6);
        form.setPadding(new Insets(10));
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints(120, fieldWidth, Double.MAX_VALUE);
        fields.setHgrow(Priority.SOMETIMES);
        ColumnConstraints problems = new ColumnConstraints();
        problems.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(labels, fields, problems);
    }

    NodeForm(SchemeEditorViewModel model) {
        this.model = model;
        layOutAsForm(this, 220);
        model.stateProperty().addListener((obs, old, now) -> update());
        model.selectedProperty().addListener((obs, old, now) -> update());
        model.editableProperty().addListener((obs, old, now) -> setDisable(!now));
        setDisable(!model.editableProperty().get());
        update();
    }

    private void update() {
        Optional<Node> node = model.selectedNode();
        String now = node.map(this::shapeOf).orElse("");
        if (!now.equals(shape)) {
            shape = now;
            build(node);
        }
        filling = true;
        try {
            refreshers.forEach(Runnable::run);
        } finally {
            filling = false;
        }
    }

    private String shapeOf(Node n) {
        if (n instanceof Indicator l) {
            return l.code() + "|" + l.rule().method() + "|" + l.target().orElse(null) + "|"
                    + (model.derivedIndex(l.code()) >= 0);
        }
        return n.code() + "|dimension";
    }

    private void build(Optional<Node> node) {
        getChildren().clear();
        refreshers.clear();
        row = 0;
        if (node.isEmpty()) {
            add(new Label(Messages.get().text("ui.scheme.none-selected")), 0, 0, 3, 1);
            return;
        }
        Messages m = Messages.get();
        String code = node.get().code();
        Label codeLabel = new Label(code);
        codeLabel.getStyleClass().add("unit-code");
        addRow(row++, new Label(m.text("ui.scheme.code")), codeLabel);
        text(NAME_ID, "ui.scheme.name", t -> model.setName(code, t), n -> n.name(), "");
        if (node.get() instanceof Dimension) {
            text(WEIGHT_ID, "ui.scheme.dimension-weight", t -> model.setWeight(code, t),
                    n -> ((Dimension) n).weight().isPresent()
                            ? SchemeEditorView.number(((Dimension) n).weight().getAsDouble()) : "",
                    m.text("ui.scheme.dimension-weight-prompt"));
            return;
        }
        Scheme scheme = model.state();
        boolean points = scheme.aggregation() == Aggregation.POINTS;
        Indicator leaf = (Indicator) node.get();
        text(WEIGHT_ID, points ? "ui.scheme.weight" : "ui.scheme.weight-relative", t -> model.setWeight(code, t),
                n -> SchemeEditorView.number(((Indicator) n).weight()), "");
        text(UNIT_ID, "ui.scheme.unit-of-measure", t -> model.setUnitOfMeasure(code, t),
                n -> ((Indicator) n).unitOfMeasure(), "");
        choice(METHOD_ID, "ui.scheme.method", Arrays.asList(Method.values()),
                mt -> m.text("ui.scheme.method." + mt.name()), n -> ((Indicator) n).rule().method(),
                mt -> model.setMethod(code, mt));
        Method method = leaf.rule().method();
        for (String p : PARAMETER_ORDER) {
            if (!method.parameters().contains(p)) {
                continue;
            }
            if (p.equals("target") && leaf.target().orElse(null) != TargetSource.FIXED) {
                continue;
            }
            text(parameterId(p), "ui.scheme.param." + p, t -> model.setParameter(code, p, t),
                    n -> ((Indicator) n).rule().get(p).isPresent()
                            ? SchemeEditorView.number(((Indicator) n).rule().get(p).getAsDouble()) : "",
                    defaultHint(method, p));
        }
        choice(DIRECTION_ID, "ui.scheme.direction", Arrays.asList(Direction.values()),
                d -> m.text("ui.scheme.direction." + d.name()), n -> ((Indicator) n).direction(),
                d -> model.setDirection(code, d));
        if (method.needsTarget()) {
            choice(TARGET_ID, "ui.scheme.target", Arrays.asList(TargetSource.values()),
                    t -> m.text("ui.scheme.target." + t.name()), n -> ((Indicator) n).target().orElse(null),
                    t -> model.setTarget(code, Optional.ofNullable(t)));
        }
        MissingPolicy defaultPolicy = points ? MissingPolicy.ZERO : MissingPolicy.REWEIGHT;
        choice(MISSING_ID, "ui.scheme.missing", withDefault(MissingPolicy.values()),
                p -> p == null ? m.text("ui.scheme.scheme-default", m.text("ui.scheme.missing." + defaultPolicy.name()))
                        : m.text("ui.scheme.missing." + p.name()),
                n -> ((Indicator) n).missing().orElse(null), p -> model.setMissing(code, Optional.ofNullable(p)));
        if (method.isRelative()) {
            choice(COMPARISON_ID, "ui.scheme.comparison", withDefault(Comparison.values()),
                    c -> c == null ? m.text("ui.scheme.scheme-default",
                            m.text("ui.scheme.comparison." + model.state().comparison().name()))
                            : m.text("ui.scheme.comparison." + c.name()),
                    n -> ((Indicator) n).comparison().orElse(null), c -> model.setComparison(code, Optional.ofNullable(c)));
        }
        if (model.derivedIndex(code) >= 0) {
            expression(code);
        } else {
            addRow(row++, new Label(m.text("ui.scheme.value")), new Label(m.text("ui.scheme.value-entered")));
        }
    }

    private static <T> List<T> withDefault(T[] values) {
        List<T> out = new ArrayList<>();
        out.add(null);
        out.addAll(Arrays.asList(values));
        return out;
    }

    /** What the engine uses when a parameter is left blank (SCORING.md section 3). */
    static String defaultHint(Method method, String p) {
        Messages m = Messages.get();
        switch (p) {
            case "cap":
                return m.text("ui.scheme.default", "1");
            case "zeroBelow":
            case "partial":
            case "floor":
                return m.text("ui.scheme.default", "0");
            case "base":
                return m.text("ui.scheme.default", "0.6");
            case "low":
                return method == Method.MIN_MAX ? m.text("ui.scheme.default", "0") : m.text("ui.scheme.default-sample-min");
            case "high":
                return method == Method.MIN_MAX ? m.text("ui.scheme.default", "100") : m.text("ui.scheme.default-sample-max");
            case "mean":
                return m.text("ui.scheme.default", "0");
            case "sd":
                return m.text("ui.scheme.default", "1");
            case "step":
                return m.text("ui.scheme.default-step");
            case "perItem":
                return m.text("ui.scheme.default-per-item");
            default:
                return m.text("ui.scheme.default-none");
        }
    }

    private void text(String id, String labelKey, Function<String, Optional<String>> commit,
                      Function<Node, String> value, String prompt) {
        Label problem = problemLabel();
        TextField field = SchemeEditorView.committing(id, commit, problem);
        field.setPromptText(prompt);
        addRow(row++, new Label(Messages.get().text(labelKey)), field, problem);
        refreshers.add(() -> model.selectedNode().ifPresent(n -> SchemeEditorView.show(field, value.apply(n))));
    }

    private <T> void choice(String id, String labelKey, List<T> items, Function<T, String> text,
                            Function<Node, T> value, Function<T, Optional<String>> commit) {
        ComboBox<T> box = SchemeEditorView.combo(id, items, text);
        box.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? "" : text.apply(item));
            }
        });
        Label problem = problemLabel();
        box.valueProperty().addListener((obs, old, now) -> {
            if (!filling) {
                problem.setText(commit.apply(now).orElse(""));
            }
        });
        addRow(row++, new Label(Messages.get().text(labelKey)), box, problem);
        refreshers.add(() -> model.selectedNode().ifPresent(n -> box.setValue(value.apply(n))));
    }

    private void expression(String code) {
        Label problem = problemLabel();
        problem.setId(EXPRESSION_PROBLEM_ID);
        TextField field = SchemeEditorView.committing(EXPRESSION_ID, t -> model.setExpression(code, t), problem);
        field.textProperty().addListener((obs, old, now) -> {
            if (!filling) {
                problem.setText(model.checkExpression(code, now).orElse(""));
            }
        });
        addRow(row++, new Label(Messages.get().text("ui.scheme.expression")), field, problem);
        Consumer<String> fill = expr -> SchemeEditorView.show(field, expr);
        refreshers.add(() -> {
            int i = model.derivedIndex(code);
            if (i >= 0) {
                fill.accept(model.state().derived().get(i).expr());
                if (!field.isFocused()) {
                    problem.setText(model.checkExpression(code, field.getText()).orElse(""));
                }
            }
        });
    }

    private static Label problemLabel() {
        Label problem = new Label();
        problem.getStyleClass().add("error-message");
        problem.setWrapText(true);
        return problem;
    }
}
