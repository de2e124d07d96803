package org.sanlian.workbench.ui.scheme;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.UnaryOperator;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.sanlian.workbench.app.Assessment;
import org.sanlian.workbench.app.SchemeFiles;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.SchemeValidator;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.Adjustment;
import org.sanlian.workbench.core.model.Aggregation;
import org.sanlian.workbench.core.model.BottomRule;
import org.sanlian.workbench.core.model.CityTarget;
import org.sanlian.workbench.core.model.Comparison;
import org.sanlian.workbench.core.model.Derived;
import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Direction;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Input;
import org.sanlian.workbench.core.model.Method;
import org.sanlian.workbench.core.model.MissingPolicy;
import org.sanlian.workbench.core.model.Node;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.SensitivitySettings;
import org.sanlian.workbench.core.model.StoredScheme;
import org.sanlian.workbench.core.model.TargetSource;
import org.sanlian.workbench.core.model.Veto;
import org.sanlian.workbench.core.scoring.expr.Expression;
import org.sanlian.workbench.core.scoring.expr.ExpressionException;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.EditHistory;
import org.sanlian.workbench.ui.common.ErrorText;
import org.sanlian.workbench.ui.common.TaskExecutor;
import org.sanlian.workbench.ui.shell.Editing;
import org.sanlian.workbench.ui.shell.Workspace;

/**
 * The scheme editor's state (指标方案): the chosen year's whole scheme as a history of immutable
 * schemes, each edit (a weight, a rule parameter, a move in the tree, a row of a table, an imported
 * file) one undo step. The weights are added up and the scheme checked by {@link SchemeValidator} on
 * every step; expressions are checked as they are typed; the chosen indicator's rule is previewed by
 * the scoring engine on the period chosen at the top. Saving validates first and keeps the whole as
 * the new version of the year's scheme through {@code app}; a year whose scheme a published bulletin
 * used refuses, and the edits can go to a copy in a new year.
 */
public final class SchemeEditorViewModel implements Editing {

    private static final String PUBLISHED = "store.scheme-published";

    private final Workspace workspace;
    private final TaskExecutor executor;
    private final EditHistory<Scheme> history = new EditHistory<>();
    private final ReadOnlyObjectWrapper<Integer> year = new ReadOnlyObjectWrapper<>(this, "year");
    private final StringProperty selected = new SimpleStringProperty(this, "selected");
    private final StringProperty previewUnit = new SimpleStringProperty(this, "previewUnit");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper published = new ReadOnlyBooleanWrapper(this, "published");
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(this, "editable");
    private final ReadOnlyBooleanWrapper refused = new ReadOnlyBooleanWrapper(this, "refused");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyObjectWrapper<WeightCheck> weights = new ReadOnlyObjectWrapper<>(this, "weights");
    private final ReadOnlyObjectWrapper<List<String>> problems = new ReadOnlyObjectWrapper<>(this, "problems", List.of());
    private final ReadOnlyObjectWrapper<RulePreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyStringWrapper previewMessage = new ReadOnlyStringWrapper(this, "previewMessage", "");

    /** Counts loads and previews, so that only the answer to the latest is shown. */
    private long generation;
    /** A scheme file to import once the year's scheme is shown ({@link #importWhenLoaded}). */
    private Path pendingImport;
    private long previewGeneration;
    /** An early reading while it is being shown: its preview is used instead of computing it again. */
    private Early applying;
    /** The figures last read for the preview and what they were read for (touched on the executor only). */
    private Object figuresKey;
    private Assessment figures;

    public SchemeEditorViewModel(Workspace workspace, TaskExecutor executor) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.executor = Objects.requireNonNull(executor, "executor");
        workspace.stateProperty().addListener((obs, old, now) -> follow(old, now));
        history.currentProperty().addListener((obs, old, now) -> stateChanged());
        history.dirtyProperty().addListener((obs, was, is) -> updateSummary());
        selected.addListener((obs, old, now) -> refreshPreview());
        previewUnit.addListener((obs, old, now) -> refreshPreview());
        load();
    }

    private void follow(Workspace.State old, Workspace.State now) {
        boolean otherYear = !now.sameDatabase(old) || !now.year().equals(old.year());
        if (otherYear) {
            load();
        } else if (!now.sameContent(old) && !history.isDirty()) {
            load(); // someone wrote: show what is kept now (edits in progress stay)
        } else {
            published.set(now.yearPublished());
            editable.set(history.current() != null && !now.readOnly());
            if (!now.period().equals(old.period())) {
                refreshPreview();
            }
        }
    }

    /**
     * The first load of a database just opened, read on the thread that opens it when 指标方案 is the
     * screen the window shows first ({@link SchemeScreen#readEarly}): the first year's scheme, and the
     * preview of its first indicator on the first period when there is one.
     */
    record Early(WorkbenchDatabase db, StoredScheme stored, Scheme scheme, Optional<EarlyPreview> preview) {
    }

    /** The preview of {@code code} of an early scheme on {@code period}, for no unit chosen. */
    record EarlyPreview(Period period, String code, RulePreview preview) {
    }

    /** Reads the chosen year's scheme (in the background) and starts its history over. */
    public void load() {
        long request = ++generation;
        Workspace.State s = workspace.state();
        Optional<StoredScheme> stored = s.year().flatMap(s.content()::scheme);
        if (s.database().isEmpty() || stored.isEmpty()) {
            history.clear();
            year.set(null);
            editable.set(false);
            published.set(false);
            return;
        }
        WorkbenchDatabase db = s.database().get();
        Optional<Early> early = workspace.takeEarly(Early.class)
                .filter(e -> e.db() == db && e.stored().id() == stored.get().id());
        if (early.isPresent()) {
            applying = early.get();
            loaded(stored.get(), early.get().scheme());
            return;
        }
        busy.set(true);
        executor.execute(() -> db.scheme(stored.get()), scheme -> {
            if (request == generation) {
                loaded(stored.get(), scheme);
            }
        }, e -> {
            if (request == generation) {
                busy.set(false);
                history.clear();
                editable.set(false);
                error.set(ErrorText.of(e));
            }
        });
    }

    private void loaded(StoredScheme stored, Scheme scheme) {
        busy.set(false);
        year.set(stored.year());
        editable.set(!workspace.state().readOnly());
        published.set(workspace.state().yearPublished());
        refused.set(false);
        error.set("");
        history.reset(scheme);
        if (selected.get() == null || SchemeEdits.find(scheme.tree(), selected.get()).isEmpty()) {
            selected.set(scheme.leaves().isEmpty() ? null : scheme.leaves().get(0).code());
        }
        applying = null; // its preview is shown by now, or was not for what is shown
        if (pendingImport != null) {
            Path file = pendingImport;
            pendingImport = null;
            importFile(file);
        }
    }

    private void stateChanged() {
        Scheme s = history.current();
        weights.set(s == null ? null : WeightCheck.of(s));
        problems.set(s == null ? List.of()
                : SchemeValidator.validate(s).stream().map(Messages.get()::describe).toList());
        updateSummary();
        refreshPreview();
    }

    // --- the tree ---------------------------------------------------------------------------

    /** The chosen node's code (the form and the preview show it). */
    public StringProperty selectedProperty() {
        return selected;
    }

    public void select(String code) {
        selected.set(code);
    }

    public Optional<Node> selectedNode() {
        Scheme s = state();
        return s == null || selected.get() == null ? Optional.empty() : SchemeEdits.find(s.tree(), selected.get());
    }

    public Optional<Indicator> selectedIndicator() {
        return selectedNode().filter(Indicator.class::isInstance).map(Indicator.class::cast);
    }

    /** Moves the chosen node up (-1) or down (+1) among its siblings (Alt+↑/↓); one undo step. */
    public void shiftSelected(int by) {
        selectedNode().ifPresent(n -> edit(SchemeEdits.shift(state(), n.code(), by)));
    }

    /** Moves {@code code} before its sibling {@code before} (at the end when empty); a drop elsewhere does nothing. */
    public void moveBefore(String code, Optional<String> before) {
        edit(SchemeEdits.moveBefore(state(), code, before));
    }

    /** Whether {@code dragged} may be dropped on {@code target}: only among siblings. */
    public boolean canDrop(String dragged, String target) {
        return state() != null && editable.get() && !dragged.equals(target)
                && SchemeEdits.siblings(state(), dragged, target);
    }

    /**
     * Adds an indicator at the end of the chosen dimension (or of the chosen indicator's): full
     * points 1, rule 破零 (no target, no parameter), its value entered under its own code. Its
     * dimension's sum changes, and a written dimension weight then shows the mismatch to settle.
     */
    public Optional<String> addIndicator(String code, String name) {
        Optional<Node> at = selectedNode();
        Optional<Dimension> parent = at.filter(Dimension.class::isInstance).map(Dimension.class::cast)
                .or(() -> at.flatMap(n -> SchemeEdits.parentOf(state().tree(), n.code())));
        if (parent.isEmpty()) {
            return Optional.of(text("ui.scheme.choose-dimension"));
        }
        Optional<String> problem = checkNewIndicatorCode(code).or(() -> name == null || name.isBlank()
                ? Optional.of(text("ui.scheme.name-blank")) : Optional.empty());
        if (problem.isPresent()) {
            return problem;
        }
        Indicator leaf = Indicator.of(code.strip(), name.strip(), 1, org.sanlian.workbench.core.model.Rule.of(
                Method.BREAK_ZERO));
        Optional<String> refused = edit(SchemeEdits.addTo(state(), parent.get().code(), leaf));
        if (refused.isEmpty()) {
            selected.set(leaf.code());
        }
        return refused;
    }

    /** Removes the chosen indicator (a dimension only when it has no indicators left). */
    public Optional<String> removeSelected() {
        Optional<Node> node = selectedNode();
        if (node.isEmpty()) {
            return Optional.of(text("ui.scheme.none-selected"));
        }
        if (node.get() instanceof Dimension d && !d.children().isEmpty()) {
            return Optional.of(text("ui.scheme.dimension-not-empty", d.name()));
        }
        Optional<Dimension> parent = SchemeEdits.parentOf(state().tree(), node.get().code());
        Optional<String> refused = edit(SchemeEdits.removeNode(state(), node.get().code()));
        if (refused.isEmpty()) {
            selected.set(parent.map(Dimension::code).orElse(null));
        }
        return refused;
    }

    /**
     * Adds a dimension at the end of the tree's top level (empty: the validator asks for an indicator
     * in it until one is added) and chooses it, so that 添加指标 adds there. Points blank: its
     * children's sum.
     */
    public Optional<String> addDimension(String code, String name, String points) {
        Optional<String> problem = checkNewDimension(code, name, points);
        if (problem.isPresent()) {
            return problem;
        }
        OptionalDouble weight = points == null || points.isBlank() ? OptionalDouble.empty()
                : OptionalDouble.of(parse(points));
        Dimension d = new Dimension(code.strip(), name.strip(), weight, List.of());
        Optional<String> refused = edit(state().withTree(SchemeEdits.append(state().tree(), d)));
        if (refused.isEmpty()) {
            selected.set(d.code());
        }
        return refused;
    }

    /** Why a new dimension cannot have this code, name and points; empty when it can. */
    public Optional<String> checkNewDimension(String code, String name, String points) {
        return checkNewCode(code)
                .or(() -> name == null || name.isBlank() ? Optional.of(text("ui.scheme.name-blank")) : Optional.empty())
                .or(() -> points == null || points.isBlank() ? Optional.empty() : checkPositive(points));
    }

    /** Shows why a tree action (add, remove) was refused, in the screen's error line; clears it otherwise. */
    public void showRefusal(Optional<String> problem) {
        error.set(problem.orElse(""));
    }

    /** Sets a node's weight (an indicator's full points; a dimension's may be left blank: its children's sum). */
    public Optional<String> setWeight(String code, String text) {
        Optional<Node> node = find(code);
        if (node.isEmpty()) {
            return Optional.of(text("ui.scheme.none-selected"));
        }
        boolean dimension = node.get() instanceof Dimension;
        if (dimension && text.isBlank()) {
            return edit(SchemeEdits.replace(state(), code,
                    n -> new Dimension(n.code(), n.name(), OptionalDouble.empty(), ((Dimension) n).children())));
        }
        Optional<String> problem = checkPositive(text);
        if (problem.isPresent()) {
            return problem;
        }
        double w = parse(text);
        return edit(SchemeEdits.replace(state(), code, n -> n instanceof Dimension d
                ? new Dimension(d.code(), d.name(), OptionalDouble.of(w), d.children())
                : ((Indicator) n).withWeight(w)));
    }

    /** Renames a node; a blank name is refused. */
    public Optional<String> setName(String code, String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(text("ui.scheme.name-blank"));
        }
        String name = text.strip();
        return edit(SchemeEdits.replace(state(), code, n -> n instanceof Dimension d
                ? new Dimension(d.code(), name, d.weight(), d.children())
                : LeafChanges.name((Indicator) n, name)));
    }

    public Optional<String> setUnitOfMeasure(String code, String text) {
        return editLeaf(code, l -> LeafChanges.unitOfMeasure(l, text == null ? "" : text.strip()));
    }

    public Optional<String> setMethod(String code, Method method) {
        return editLeaf(code, l -> l.rule().method() == method ? l : LeafChanges.method(l, method));
    }

    /** Sets a rule parameter; blank removes it, so the engine's default applies. */
    public Optional<String> setParameter(String code, String name, String text) {
        if (text == null || text.isBlank()) {
            return editLeaf(code, l -> LeafChanges.parameter(l, name, Optional.empty()));
        }
        Optional<String> problem = checkNumber(text);
        if (problem.isPresent()) {
            return problem;
        }
        double v = parse(text);
        return editLeaf(code, l -> LeafChanges.parameter(l, name, Optional.of(v)));
    }

    public Optional<String> setDirection(String code, Direction direction) {
        return editLeaf(code, l -> LeafChanges.direction(l, direction));
    }

    public Optional<String> setTarget(String code, Optional<TargetSource> source) {
        return editLeaf(code, l -> LeafChanges.target(l, source));
    }

    /** The missing-value policy; empty: the scheme's default. */
    public Optional<String> setMissing(String code, Optional<MissingPolicy> policy) {
        return editLeaf(code, l -> LeafChanges.missing(l, policy));
    }

    /** The comparison set; empty: the scheme's. */
    public Optional<String> setComparison(String code, Optional<Comparison> set) {
        return editLeaf(code, l -> LeafChanges.comparison(l, set));
    }

    private Optional<String> editLeaf(String code, UnaryOperator<Indicator> change) {
        Optional<Node> node = find(code);
        if (node.isEmpty() || !(node.get() instanceof Indicator)) {
            return Optional.of(text("ui.scheme.none-selected"));
        }
        return edit(SchemeEdits.replace(state(), code, n -> change.apply((Indicator) n)));
    }

    private Optional<Node> find(String code) {
        return state() == null || code == null ? Optional.empty() : SchemeEdits.find(state().tree(), code);
    }

    // --- derived indicators -----------------------------------------------------------------

    /** The index of the derived entry of {@code code}, or -1 when its value is entered. */
    public int derivedIndex(String code) {
        Scheme s = state();
        if (s == null) {
            return -1;
        }
        for (int i = 0; i < s.derived().size(); i++) {
            if (s.derived().get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Why {@code text} cannot be the expression of the derived entry {@code code} (syntax with its
     * position, an unknown code, a cycle), checked as it is typed against the rest of the scheme;
     * empty when it can.
     */
    public Optional<String> checkExpression(String code, String text) {
        int i = derivedIndex(code);
        if (i < 0) {
            return Optional.empty();
        }
        Scheme tried = SchemeEdits.withDerived(state(), SchemeEdits.set(state().derived(), i, new Derived(code, text)));
        return expressionProblems(tried, i, code);
    }

    /** The validator's issues at the expression of derived entry {@code i} of {@code tried}, and cycles through it. */
    private Optional<String> expressionProblems(Scheme tried, int i, String code) {
        String at = "derived[" + i + "].expr";
        List<String> out = new ArrayList<>();
        for (Issue issue : SchemeValidator.validate(tried)) {
            boolean here = issue.where().equals(at);
            boolean inCycle = issue.code().equals("scheme.derived-cycle") && issue.args().size() > 1
                    && Arrays.asList(issue.args().get(1).split(" -> ")).contains(code);
            if (here || inCycle) {
                out.add(text("issue." + issue.code(), issue.args().toArray()));
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", out));
    }

    /** Keeps the expression of the derived entry {@code code} (a wrong one too: saving refuses it). */
    public Optional<String> setExpression(String code, String text) {
        int i = derivedIndex(code);
        if (i < 0) {
            return Optional.of(text("ui.scheme.not-derived", code));
        }
        String expr = text == null ? "" : text.strip();
        Optional<String> problem = checkExpression(code, expr);
        edit(SchemeEdits.withDerived(state(), SchemeEdits.set(state().derived(), i, new Derived(code, expr))));
        return problem;
    }

    /** Why a new derived entry cannot have this code and expression (as {@link #checkExpression}); empty when it can. */
    public Optional<String> checkNewDerived(String code, String expr) {
        Optional<String> problem = checkNewSourceCode(code);
        if (problem.isPresent()) {
            return problem;
        }
        String c = code.strip();
        String e = expr == null ? "" : expr.strip();
        Scheme tried = SchemeEdits.withDerived(state(), SchemeEdits.append(state().derived(), new Derived(c, e)));
        return expressionProblems(tried, tried.derived().size() - 1, c);
    }

    /**
     * Adds a derived entry at the end of the list, once its code is free (or an indicator's whose value
     * has no source yet) and its expression passes the validator's checks; one undo step.
     */
    public Optional<String> addDerived(String code, String expr) {
        Optional<String> problem = checkNewDerived(code, expr);
        if (problem.isPresent()) {
            return problem;
        }
        return edit(SchemeEdits.withDerived(state(), SchemeEdits.append(state().derived(),
                new Derived(code.strip(), expr.strip()))));
    }

    /** Removes a derived entry, refused (naming them) while an expression, an indicator or a city target uses it. */
    public Optional<String> removeDerived(int i) {
        Derived d = state().derived().get(i);
        List<String> users = usersOf(d.code());
        if (!users.isEmpty()) {
            return Optional.of(text("ui.scheme.derived-in-use", d.code(),
                    String.join(text("ui.scheme.users-joiner"), users)));
        }
        return edit(SchemeEdits.withDerived(state(), SchemeEdits.remove(state().derived(), i)));
    }

    /**
     * What uses the value of {@code code}: the derived expressions that read it (other than its own),
     * the indicator whose value it is, the city targets on it; each as a phrase naming it.
     */
    List<String> usersOf(String code) {
        Scheme s = state();
        List<String> out = new ArrayList<>();
        for (Derived d : s.derived()) {
            if (!d.code().equals(code) && references(d.expr()).contains(code)) {
                out.add(text("ui.scheme.user-derived", d.code()));
            }
        }
        s.leaves().stream().filter(l -> l.code().equals(code))
                .forEach(l -> out.add(text("ui.scheme.user-indicator", l.code(), l.name())));
        s.cityTargets().stream().filter(t -> t.code().equals(code))
                .forEach(t -> out.add(text("ui.scheme.user-city-target", t.code(), t.name())));
        return out;
    }

    /** The codes an expression reads; a faulty one (saving refuses it anyway) read token by token. */
    private static java.util.Set<String> references(String expr) {
        try {
            return Expression.parse(expr).references();
        } catch (ExpressionException e) {
            java.util.Set<String> out = new java.util.HashSet<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![A-Za-z0-9_.])[A-Za-z_][A-Za-z0-9_]*")
                    .matcher(expr);
            while (m.find()) {
                out.add(m.group());
            }
            return out;
        }
    }

    // --- inputs ---------------------------------------------------------------------------------

    public Optional<String> setInputName(int i, String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(text("ui.scheme.name-blank"));
        }
        Input in = state().inputs().get(i);
        return editInput(i, new Input(in.code(), text.strip(), in.unitOfMeasure(), in.min(), in.max(), in.integer()));
    }

    public Optional<String> setInputUnit(int i, String text) {
        Input in = state().inputs().get(i);
        return editInput(i, new Input(in.code(), in.name(), text == null ? "" : text.strip(), in.min(), in.max(),
                in.integer()));
    }

    /** The lowest value an entered figure may have; blank: none. Checked against the highest. */
    public Optional<String> setInputMin(int i, String text) {
        Optional<OptionalDouble> min = optionalNumber(text);
        if (min.isEmpty()) {
            return checkNumber(text);
        }
        Input in = state().inputs().get(i);
        return editInput(i, new Input(in.code(), in.name(), in.unitOfMeasure(), min.get(), in.max(), in.integer()));
    }

    /** The highest value an entered figure may have; blank: none. Checked against the lowest. */
    public Optional<String> setInputMax(int i, String text) {
        Optional<OptionalDouble> max = optionalNumber(text);
        if (max.isEmpty()) {
            return checkNumber(text);
        }
        Input in = state().inputs().get(i);
        return editInput(i, new Input(in.code(), in.name(), in.unitOfMeasure(), in.min(), max.get(), in.integer()));
    }

    public Optional<String> setInputInteger(int i, boolean integer) {
        Input in = state().inputs().get(i);
        return editInput(i, new Input(in.code(), in.name(), in.unitOfMeasure(), in.min(), in.max(), integer));
    }

    /** Keeps the edit, then says what the validator finds wrong with that input (bounds the wrong way round). */
    private Optional<String> editInput(int i, Input in) {
        Optional<String> refused = edit(SchemeEdits.withInputs(state(), SchemeEdits.set(state().inputs(), i, in)));
        if (refused.isPresent()) {
            return refused;
        }
        return inputProblems(state(), i);
    }

    /** A blank text as no number, a number as one; empty when the text is neither. */
    private Optional<OptionalDouble> optionalNumber(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(OptionalDouble.empty());
        }
        return checkNumber(text).isPresent() ? Optional.empty() : Optional.of(OptionalDouble.of(parse(text)));
    }

    /**
     * Why a new input cannot have this code, name and bounds (blank: none); empty when it can. Its code
     * may be an indicator's whose value has no source yet (the indicator's value is then entered).
     */
    public Optional<String> checkNewInput(String code, String name, String min, String max) {
        Optional<String> problem = checkNewSourceCode(code)
                .or(() -> name == null || name.isBlank() ? Optional.of(text("ui.scheme.name-blank")) : Optional.empty());
        if (problem.isPresent()) {
            return problem;
        }
        Optional<OptionalDouble> low = optionalNumber(min);
        Optional<OptionalDouble> high = optionalNumber(max);
        if (low.isEmpty()) {
            return checkNumber(min);
        }
        if (high.isEmpty()) {
            return checkNumber(max);
        }
        Scheme tried = SchemeEdits.withInputs(state(), SchemeEdits.append(state().inputs(),
                new Input(code.strip(), name.strip(), "", low.get(), high.get(), false)));
        return inputProblems(tried, tried.inputs().size() - 1);
    }

    /** Adds an input (a figure entered per unit and period) at the end of the list; one undo step. */
    public Optional<String> addInput(String code, String name, String unitOfMeasure, String min, String max,
                                     boolean integer) {
        Optional<String> problem = checkNewInput(code, name, min, max);
        if (problem.isPresent()) {
            return problem;
        }
        Input in = new Input(code.strip(), name.strip(), unitOfMeasure == null ? "" : unitOfMeasure.strip(),
                optionalNumber(min).orElseThrow(), optionalNumber(max).orElseThrow(), integer);
        return edit(SchemeEdits.withInputs(state(), SchemeEdits.append(state().inputs(), in)));
    }

    /**
     * Removes an input, refused (naming them) while a derived expression, the indicator of its code or
     * a city target uses it. Figures already entered under its code stay in the database.
     */
    public Optional<String> removeInput(int i) {
        Input in = state().inputs().get(i);
        List<String> users = usersOf(in.code());
        if (!users.isEmpty()) {
            return Optional.of(text("ui.scheme.input-in-use", in.code(),
                    String.join(text("ui.scheme.users-joiner"), users)));
        }
        return edit(SchemeEdits.withInputs(state(), SchemeEdits.remove(state().inputs(), i)));
    }

    private Optional<String> inputProblems(Scheme tried, int i) {
        String at = "inputs[" + i + "]";
        List<String> out = SchemeValidator.validate(tried).stream()
                .filter(issue -> issue.where().startsWith(at + ".") || issue.where().equals(at))
                .map(issue -> text("issue." + issue.code(), issue.args().toArray())).toList();
        return out.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", out));
    }

    // --- scheme-wide settings (the 方案 tab) ------------------------------------------------

    /** The lowest and highest decimals of rounded scores (SchemeValidator: 0, 1, …, 9). */
    public static final int MIN_DECIMALS = 0;
    public static final int MAX_DECIMALS = 9;

    /** Renames the scheme; a blank name is refused. */
    public Optional<String> setSchemeName(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(text("ui.scheme.name-blank"));
        }
        return editing().or(() -> edit(SchemeEdits.withName(state(), text.strip())));
    }

    /** How leaf scores make the total (SCORING.md section 1); the validator then checks the tree against it. */
    public Optional<String> setAggregation(Aggregation aggregation) {
        if (aggregation == null) {
            return Optional.of(text("ui.scheme.none-selected"));
        }
        return editing().or(() -> edit(SchemeEdits.withAggregation(state(), aggregation)));
    }

    /** The comparison set of every relative rule whose indicator sets none of its own. */
    public Optional<String> setDefaultComparison(Comparison comparison) {
        if (comparison == null) {
            return Optional.of(text("ui.scheme.none-selected"));
        }
        return editing().or(() -> edit(SchemeEdits.withComparison(state(), comparison)));
    }

    /** The decimals of rounded scores and totals: a whole number from 0 to 9. */
    public Optional<String> setDecimals(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.matches("\\d{1,2}") || Integer.parseInt(t) < MIN_DECIMALS || Integer.parseInt(t) > MAX_DECIMALS) {
            return Optional.of(text("ui.scheme.decimals-range", t, Integer.toString(MIN_DECIMALS),
                    Integer.toString(MAX_DECIMALS)));
        }
        return editing().or(() -> edit(SchemeEdits.withDecimals(state(), Integer.parseInt(t))));
    }

    /** Moves tie-break {@code from} to place {@code to} (clamped to the ends); an unknown place is refused. */
    public Optional<String> moveTieBreak(int from, int to) {
        Optional<String> locked = editing();
        if (locked.isPresent()) {
            return locked;
        }
        int size = state().tieBreak().size();
        if (from < 0 || from >= size) {
            return Optional.of(text("ui.scheme.none-selected"));
        }
        return edit(SchemeEdits.moveTieBreak(state(), from, Math.max(0, Math.min(size - 1, to))));
    }

    /** Adds a dimension's code at the end of the tie-breaks; only the scheme's dimensions, each once. */
    public Optional<String> addTieBreak(String code) {
        Optional<String> locked = editing();
        if (locked.isPresent()) {
            return locked;
        }
        String c = code == null ? "" : code.strip();
        if (state().dimensions().stream().noneMatch(d -> d.code().equals(c))) {
            return Optional.of(text("ui.scheme.tie-break-unknown", c));
        }
        if (state().tieBreak().contains(c)) {
            return Optional.of(text("ui.scheme.tie-break-taken", c));
        }
        return edit(SchemeEdits.withTieBreak(state(), SchemeEdits.append(state().tieBreak(), c)));
    }

    public Optional<String> removeTieBreak(int i) {
        Optional<String> locked = editing();
        if (locked.isPresent()) {
            return locked;
        }
        if (i < 0 || i >= state().tieBreak().size()) {
            return Optional.of(text("ui.scheme.none-selected"));
        }
        return edit(SchemeEdits.withTieBreak(state(), SchemeEdits.remove(state().tieBreak(), i)));
    }

    /** The dimensions not yet among the tie-breaks, in the tree's order (what 添加 offers). */
    public List<Dimension> tieBreakChoices() {
        Scheme s = state();
        return s == null ? List.of() : s.dimensions().stream().filter(d -> !s.tieBreak().contains(d.code())).toList();
    }

    /** A tie-break code as shown: the dimension's or indicator's name after its code. */
    public String tieBreakLabel(String code) {
        Scheme s = state();
        Optional<Node> node = s == null ? Optional.empty() : SchemeEdits.find(s.tree(), code);
        return node.map(n -> code + "　" + n.name()).orElse(code);
    }

    // --- sensitivity settings (the 方案 tab) ---------------------------------------------------

    /** The number of draws of the rank-stability analysis: a whole number from 1 to 1,000,000. */
    public Optional<String> setDraws(String text) {
        String t = text == null ? "" : text.strip().replace(",", "");
        if (!t.matches("\\d{1,7}") || !SensitivitySettings.validDraws(Integer.parseInt(t))) {
            return Optional.of(text("ui.scheme.draws-range", text == null ? "" : text.strip(),
                    Integer.toString(SensitivitySettings.MIN_DRAWS),
                    String.format(java.util.Locale.ROOT, "%,d", SensitivitySettings.MAX_DRAWS)));
        }
        SensitivitySettings now = state() == null ? SensitivitySettings.DEFAULT : state().sensitivity();
        return editing().or(() -> edit(SchemeEdits.withSensitivity(state(),
                new SensitivitySettings(Integer.parseInt(t), now.spread(), now.seed()))));
    }

    /**
     * How far each weight is perturbed in a draw: a factor in [1 − spread, 1 + spread], the spread at
     * least 0 and below 1 (SchemeValidator and {@code sanlian sensitivity} alike).
     */
    public Optional<String> setSpread(String text) {
        String t = text == null ? "" : text.strip();
        if (checkNumber(t).isPresent() || !SensitivitySettings.validSpread(parse(t))) {
            return Optional.of(text("ui.scheme.spread-range", t));
        }
        SensitivitySettings now = state() == null ? SensitivitySettings.DEFAULT : state().sensitivity();
        return editing().or(() -> edit(SchemeEdits.withSensitivity(state(),
                new SensitivitySettings(now.draws(), parse(t), now.seed()))));
    }

    /** The seed of the draws, so that a run can be repeated: any whole number a long holds. */
    public Optional<String> setSeed(String text) {
        String t = text == null ? "" : text.strip();
        long seed;
        try {
            if (!t.matches("[+-]?\\d+")) {
                throw new NumberFormatException(t);
            }
            seed = Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            return Optional.of(text("ui.scheme.seed-form", t, Long.toString(Long.MIN_VALUE),
                    Long.toString(Long.MAX_VALUE)));
        }
        SensitivitySettings now = state() == null ? SensitivitySettings.DEFAULT : state().sensitivity();
        return editing().or(() -> edit(SchemeEdits.withSensitivity(state(),
                new SensitivitySettings(now.draws(), now.spread(), seed))));
    }

    // --- city targets (the 全市目标 tab) ---------------------------------------------------------

    /**
     * The codes a city target may take, in the scheme's order: its indicators, then the inputs and
     * derived entries no indicator has (SchemeValidator's rule for {@code cityTargets[i].code}).
     */
    public List<String> cityTargetCodes() {
        Scheme s = state();
        if (s == null) {
            return List.of();
        }
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        s.leaves().forEach(l -> out.add(l.code()));
        s.inputs().forEach(in -> out.add(in.code()));
        s.derived().forEach(d -> out.add(d.code()));
        return List.copyOf(out);
    }

    /** A code as the code list shows it: the indicator's or input's name after it. */
    public String cityTargetCodeLabel(String code) {
        Scheme s = state();
        if (s == null || code == null) {
            return code == null ? "" : code;
        }
        Optional<String> name = s.leaves().stream().filter(l -> l.code().equals(code)).map(Node::name).findFirst()
                .or(() -> s.input(code).map(Input::name));
        return name.map(n -> code + "　" + n).orElse(code);
    }

    /** The name a new target on {@code code} starts with: its indicator's or input's name, else blank. */
    public String cityTargetDefaultName(String code) {
        String label = cityTargetCodeLabel(code);
        return code == null || label.equals(code) ? "" : label.substring(code.length() + 1);
    }

    /** How a new target on {@code code} is aggregated: RECOMPUTE for a derived entry's ratio, else SUM. */
    public CityTarget.CityAggregate cityTargetDefaultAggregate(String code) {
        return state() != null && code != null && state().derivedOf(code).isPresent()
                ? CityTarget.CityAggregate.RECOMPUTE : CityTarget.CityAggregate.SUM;
    }

    /**
     * Why a new city target on this code with this name, target value and target year cannot be added;
     * empty when it can. The validator's own messages name what is wrong.
     */
    public Optional<String> checkNewCityTarget(String code, String name, String target, String year) {
        return newCityTarget(code, name, target, year).map(t -> {
            Scheme tried = SchemeEdits.withCityTargets(state(), SchemeEdits.append(state().cityTargets(), t));
            return cityTargetProblems(tried, tried.cityTargets().size() - 1);
        }).orElseGet(() -> Optional.of(newCityTargetRefusal(code, name, target, year)));
    }

    /** Adds a city target (no cumulation, no baseline: set them in the form) at the end; one undo step. */
    public Optional<String> addCityTarget(String code, String name, String target, String year) {
        Optional<String> problem = editing().or(() -> checkNewCityTarget(code, name, target, year));
        if (problem.isPresent()) {
            return problem;
        }
        return edit(SchemeEdits.withCityTargets(state(), SchemeEdits.append(state().cityTargets(),
                newCityTarget(code, name, target, year).orElseThrow())));
    }

    private Optional<CityTarget> newCityTarget(String code, String name, String target, String year) {
        if (state() == null || code == null || code.isBlank() || checkNumber(target).isPresent()
                || parseYear(year).isEmpty()) {
            return Optional.empty();
        }
        String c = code.strip();
        return Optional.of(new CityTarget(c, name == null ? "" : name.strip(), parse(target),
                parseYear(year).getAsInt(), cityTargetDefaultAggregate(c), java.util.OptionalInt.empty(),
                Optional.empty()));
    }

    private String newCityTargetRefusal(String code, String name, String target, String year) {
        if (code == null || code.isBlank()) {
            return text("ui.scheme.city-target-choose-code");
        }
        return checkNumber(target).orElseGet(() -> text("ui.scheme.year-form", year == null ? "" : year.strip()));
    }

    /** Removes city target {@code i}; one undo step. */
    public Optional<String> removeCityTarget(int i) {
        Optional<String> problem = editing().or(() -> checkCityTargetIndex(i));
        if (problem.isPresent()) {
            return problem;
        }
        return edit(SchemeEdits.withCityTargets(state(), SchemeEdits.remove(state().cityTargets(), i)));
    }

    /** Another code for target {@code i}, one of {@link #cityTargetCodes()}. */
    public Optional<String> setCityTargetCode(int i, String code) {
        if (code == null || code.isBlank()) {
            return Optional.of(text("ui.scheme.city-target-choose-code"));
        }
        return editCityTarget(i, t -> new CityTarget(code.strip(), t.name(), t.target(), t.year(), t.aggregate(),
                t.cumulativeFrom(), t.baseline()));
    }

    public Optional<String> setCityTargetName(int i, String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(text("ui.scheme.name-blank"));
        }
        return editCityTarget(i, t -> new CityTarget(t.code(), text.strip(), t.target(), t.year(), t.aggregate(),
                t.cumulativeFrom(), t.baseline()));
    }

    /** The value to reach by the target year. */
    public Optional<String> setCityTargetValue(int i, String text) {
        Optional<String> problem = checkNumber(text);
        if (problem.isPresent()) {
            return problem;
        }
        return editCityTarget(i, t -> new CityTarget(t.code(), t.name(), parse(text), t.year(), t.aggregate(),
                t.cumulativeFrom(), t.baseline()));
    }

    /** The year by which the target is to be reached. */
    public Optional<String> setCityTargetYear(int i, String text) {
        java.util.OptionalInt y = parseYear(text);
        if (y.isEmpty()) {
            return Optional.of(text("ui.scheme.year-form", text == null ? "" : text.strip()));
        }
        return editCityTarget(i, t -> new CityTarget(t.code(), t.name(), t.target(), y.getAsInt(), t.aggregate(),
                t.cumulativeFrom(), t.baseline()));
    }

    /** SUM (the units' figures added) or RECOMPUTE (a derived entry's formula on the summed inputs). */
    public Optional<String> setCityTargetAggregate(int i, CityTarget.CityAggregate aggregate) {
        if (aggregate == null) {
            return Optional.of(text("ui.scheme.none-selected"));
        }
        return editCityTarget(i, t -> new CityTarget(t.code(), t.name(), t.target(), t.year(), aggregate,
                t.cumulativeFrom(), t.baseline()));
    }

    /** The first year whose city figures are added up to the target year; blank: none (the year's own figure). */
    public Optional<String> setCityTargetCumulativeFrom(int i, String text) {
        java.util.OptionalInt from = java.util.OptionalInt.empty();
        if (text != null && !text.isBlank()) {
            from = parseYear(text);
            if (from.isEmpty()) {
                return Optional.of(text("ui.scheme.year-form", text.strip()));
            }
        }
        java.util.OptionalInt f = from;
        return editCityTarget(i, t -> new CityTarget(t.code(), t.name(), t.target(), t.year(), t.aggregate(), f,
                t.baseline()));
    }

    /**
     * The baseline, its year and value given together; both blank: none (progress is then the figure
     * against the target). One without the other is refused.
     */
    public Optional<String> setCityTargetBaseline(int i, String yearText, String valueText) {
        boolean noYear = yearText == null || yearText.isBlank();
        boolean noValue = valueText == null || valueText.isBlank();
        Optional<CityTarget.Baseline> baseline = Optional.empty();
        if (noYear != noValue) {
            return Optional.of(text("ui.scheme.baseline-both"));
        }
        if (!noYear) {
            java.util.OptionalInt y = parseYear(yearText);
            if (y.isEmpty()) {
                return Optional.of(text("ui.scheme.year-form", yearText.strip()));
            }
            Optional<String> problem = checkNumber(valueText);
            if (problem.isPresent()) {
                return problem;
            }
            baseline = Optional.of(new CityTarget.Baseline(y.getAsInt(), parse(valueText)));
        }
        Optional<CityTarget.Baseline> b = baseline;
        return editCityTarget(i, t -> new CityTarget(t.code(), t.name(), t.target(), t.year(), t.aggregate(),
                t.cumulativeFrom(), b));
    }

    /** Keeps the changed target unless the validator finds it faulty, then says why (its own messages). */
    private Optional<String> editCityTarget(int i, UnaryOperator<CityTarget> change) {
        Optional<String> problem = editing().or(() -> checkCityTargetIndex(i));
        if (problem.isPresent()) {
            return problem;
        }
        Scheme tried = SchemeEdits.withCityTargets(state(), SchemeEdits.set(state().cityTargets(), i,
                change.apply(state().cityTargets().get(i))));
        return cityTargetProblems(tried, i).or(() -> edit(tried));
    }

    private Optional<String> checkCityTargetIndex(int i) {
        return i < 0 || i >= state().cityTargets().size() ? Optional.of(text("ui.scheme.city-target-none-selected"))
                : Optional.empty();
    }

    private Optional<String> cityTargetProblems(Scheme tried, int i) {
        String at = "cityTargets[" + i + "]";
        List<String> out = SchemeValidator.validate(tried).stream()
                .filter(issue -> issue.where().startsWith(at + ".") || issue.where().equals(at))
                .map(issue -> text("issue." + issue.code(), issue.args().toArray())).toList();
        return out.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", out));
    }

    /** A year as typed: four digits; empty when the text is none. */
    private static java.util.OptionalInt parseYear(String text) {
        String t = text == null ? "" : text.strip();
        return t.matches("\\d{4}") ? java.util.OptionalInt.of(Integer.parseInt(t)) : java.util.OptionalInt.empty();
    }

    /** Why nothing can be edited now; empty when it can. */
    private Optional<String> editing() {
        return !editable.get() || state() == null ? Optional.of(text("ui.scheme.not-editable")) : Optional.empty();
    }

    // --- adjustments, vetoes, bottom-list rules -----------------------------------------------

    /** The cap on all bonuses together (SCORING.md section 5); it must be given. */
    public Optional<String> setBonusCap(String text) {
        Optional<String> problem = checkNotNegative(text);
        if (problem.isPresent()) {
            return problem;
        }
        return edit(SchemeEdits.withCaps(state(), parse(text), state().penaltyCap()));
    }

    /** The cap on all penalties together; blank: none. */
    public Optional<String> setPenaltyCap(String text) {
        Optional<OptionalDouble> cap = optionalNumber(text);
        if (cap.isEmpty()) {
            return checkNumber(text);
        }
        if (cap.get().isPresent() && cap.get().getAsDouble() < 0) {
            return Optional.of(text("ui.scheme.negative", text.strip()));
        }
        return edit(SchemeEdits.withCaps(state(), state().bonusCap(), cap.get()));
    }

    public Optional<String> setAdjustmentName(int i, String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(text("ui.scheme.name-blank"));
        }
        Adjustment a = state().adjustments().get(i);
        return editAdjustment(i, new Adjustment(a.code(), text.strip(), a.kind(), a.pointsEach(), a.cap()));
    }

    public Optional<String> setAdjustmentKind(int i, Adjustment.Kind kind) {
        Adjustment a = state().adjustments().get(i);
        return editAdjustment(i, new Adjustment(a.code(), a.name(), kind, a.pointsEach(), a.cap()));
    }

    public Optional<String> setAdjustmentPoints(int i, String text) {
        Optional<String> problem = checkNotNegative(text);
        if (problem.isPresent()) {
            return problem;
        }
        Adjustment a = state().adjustments().get(i);
        return editAdjustment(i, new Adjustment(a.code(), a.name(), a.kind(), parse(text), a.cap()));
    }

    /** The item's cap; blank: none. */
    public Optional<String> setAdjustmentCap(int i, String text) {
        OptionalDouble cap = OptionalDouble.empty();
        if (text != null && !text.isBlank()) {
            Optional<String> problem = checkNotNegative(text);
            if (problem.isPresent()) {
                return problem;
            }
            cap = OptionalDouble.of(parse(text));
        }
        Adjustment a = state().adjustments().get(i);
        return editAdjustment(i, new Adjustment(a.code(), a.name(), a.kind(), a.pointsEach(), cap));
    }

    public Optional<String> addAdjustment(String code, String name, Adjustment.Kind kind) {
        Optional<String> problem = checkNewCode(code).or(() -> name == null || name.isBlank()
                ? Optional.of(text("ui.scheme.name-blank")) : Optional.empty());
        if (problem.isPresent()) {
            return problem;
        }
        return edit(SchemeEdits.withAdjustments(state(), SchemeEdits.append(state().adjustments(),
                new Adjustment(code.strip(), name.strip(), kind, 1, OptionalDouble.empty()))));
    }

    public Optional<String> removeAdjustment(int i) {
        return edit(SchemeEdits.withAdjustments(state(), SchemeEdits.remove(state().adjustments(), i)));
    }

    private Optional<String> editAdjustment(int i, Adjustment a) {
        return edit(SchemeEdits.withAdjustments(state(), SchemeEdits.set(state().adjustments(), i, a)));
    }

    public Optional<String> setVetoName(int i, String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(text("ui.scheme.name-blank"));
        }
        Veto v = state().vetoes().get(i);
        return edit(SchemeEdits.withVetoes(state(), SchemeEdits.set(state().vetoes(), i,
                new Veto(v.code(), text.strip()))));
    }

    public Optional<String> addVeto(String code, String name) {
        Optional<String> problem = checkNewCode(code).or(() -> name == null || name.isBlank()
                ? Optional.of(text("ui.scheme.name-blank")) : Optional.empty());
        if (problem.isPresent()) {
            return problem;
        }
        return edit(SchemeEdits.withVetoes(state(), SchemeEdits.append(state().vetoes(),
                new Veto(code.strip(), name.strip()))));
    }

    public Optional<String> removeVeto(int i) {
        return edit(SchemeEdits.withVetoes(state(), SchemeEdits.remove(state().vetoes(), i)));
    }

    /** A bottom-list rule's parameter (n, score or periods); rules without one ignore it. */
    public Optional<String> setBottomParameter(int i, String text) {
        BottomRule r = state().bottomRules().get(i);
        if (r.kind().parameterName().isEmpty()) {
            return Optional.of(text("ui.scheme.no-parameter", r.kind().name()));
        }
        Optional<String> problem = checkNumber(text);
        if (problem.isPresent()) {
            return problem;
        }
        return edit(SchemeEdits.withBottomRules(state(), SchemeEdits.set(state().bottomRules(), i,
                new BottomRule(r.kind(), parse(text)))));
    }

    /** Adds a rule with its default parameter (BELOW_SCORE: 60); a kind already there is refused. */
    public Optional<String> addBottomRule(BottomRule.Kind kind) {
        if (state().bottomRules().stream().anyMatch(r -> r.kind() == kind)) {
            return Optional.of(text("ui.scheme.bottom-rule-taken", kind.name()));
        }
        BottomRule rule = kind == BottomRule.Kind.BELOW_SCORE ? new BottomRule(kind, 60) : BottomRule.of(kind);
        return edit(SchemeEdits.withBottomRules(state(), SchemeEdits.append(state().bottomRules(), rule)));
    }

    public Optional<String> removeBottomRule(int i) {
        return edit(SchemeEdits.withBottomRules(state(), SchemeEdits.remove(state().bottomRules(), i)));
    }

    /** Why {@code code} cannot be the code of a new item; empty when it can. */
    public Optional<String> checkNewCode(String code) {
        return checkCode(code, false, false);
    }

    /**
     * Why {@code code} cannot be the code of a new indicator; empty when it can. It may be the code of
     * an input or derived entry that no indicator has yet: that entry then gives the indicator's value.
     */
    public Optional<String> checkNewIndicatorCode(String code) {
        return checkCode(code, false, true);
    }

    /**
     * Why {@code code} cannot be the code of a new input or derived entry; empty when it can. It may be
     * the code of an indicator whose value has no input or derived entry yet (FORMATS.md: the one
     * shared code).
     */
    public Optional<String> checkNewSourceCode(String code) {
        return checkCode(code, true, false);
    }

    private Optional<String> checkCode(String code, boolean mayBeLeaf, boolean mayBeSource) {
        String c = code == null ? "" : code.strip();
        if (c.isEmpty()) {
            return Optional.of(text("ui.scheme.code-blank"));
        }
        if (!c.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return Optional.of(text("ui.scheme.code-form", c));
        }
        if (Expression.RESERVED.contains(c)) {
            return Optional.of(text("ui.scheme.code-reserved", c));
        }
        Scheme s = state();
        if (s == null) {
            return Optional.empty();
        }
        List<String> others = new ArrayList<>();
        s.units().forEach(u -> others.add(u.code()));
        s.zones().forEach(z -> others.add(z.code()));
        s.dimensions().forEach(d -> others.add(d.code()));
        s.adjustments().forEach(a -> others.add(a.code()));
        s.vetoes().forEach(v -> others.add(v.code()));
        boolean leaf = s.leaves().stream().anyMatch(l -> l.code().equals(c));
        boolean source = s.input(c).isPresent() || s.derivedOf(c).isPresent();
        if (others.contains(c) || (leaf && source) || (leaf && !mayBeLeaf) || (source && !mayBeSource)) {
            return Optional.of(text("ui.scheme.code-taken", c));
        }
        return Optional.empty();
    }

    // --- numbers as typed --------------------------------------------------------------------

    /** Why {@code text} is not a number; empty when it is one. */
    public Optional<String> checkNumber(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
            return Optional.of(text("ui.scheme.not-a-number", t));
        }
        return Optional.empty();
    }

    private Optional<String> checkPositive(String text) {
        return checkNumber(text).or(() -> parse(text) > 0 ? Optional.empty()
                : Optional.of(text("ui.scheme.not-positive", text.strip())));
    }

    private Optional<String> checkNotNegative(String text) {
        return checkNumber(text).or(() -> parse(text) >= 0 ? Optional.empty()
                : Optional.of(text("ui.scheme.negative", text.strip())));
    }

    private static double parse(String text) {
        return Double.parseDouble(text.strip());
    }

    // --- history -----------------------------------------------------------------------------

    private Optional<String> edit(Scheme next) {
        if (!editable.get() || state() == null) {
            return Optional.of(text("ui.scheme.not-editable"));
        }
        history.edit(next);
        notice.set("");
        refused.set(false);
        return Optional.empty();
    }

    @Override
    public void undo() {
        history.undo();
        refused.set(false);
    }

    @Override
    public void redo() {
        history.redo();
    }

    @Override
    public void discard() {
        if (history.saved() != null) {
            history.reset(history.saved());
        }
        refused.set(false);
        error.set("");
    }

    // --- files ---------------------------------------------------------------------------------

    /**
     * As {@link #importFile(Path)}, now when the year's scheme is shown, else as soon as it is (a
     * scheme file opened with the workbench, from the desktop, arrives while the database still opens).
     */
    public void importWhenLoaded(Path file) {
        if (history.current() != null && !busy.get()) {
            importFile(file);
        } else {
            pendingImport = file;
        }
    }

    /**
     * Replaces the whole scheme by a scheme file, as one undo step, once the file passed every check;
     * a refused file changes nothing and its issues (file and field path) are shown.
     */
    public void importFile(Path file) {
        if (!editable.get() || state() == null) {
            error.set(text("ui.scheme.not-editable"));
            return;
        }
        busy.set(true);
        error.set("");
        executor.execute(() -> SchemeFiles.read(file), scheme -> {
            busy.set(false);
            history.edit(scheme);
            refused.set(false);
            if (selectedNode().isEmpty()) {
                selected.set(scheme.leaves().isEmpty() ? null : scheme.leaves().get(0).code());
            }
            notice.set(text("ui.scheme.imported", file.getFileName()));
        }, e -> {
            busy.set(false);
            error.set(text("ui.scheme.import-refused", file.getFileName()) + "\n" + ErrorText.of(e));
        });
    }

    /** Writes the scheme as shown (edits included) to a scheme file. */
    public void exportFile(Path file) {
        Scheme s = state();
        if (s == null) {
            return;
        }
        busy.set(true);
        error.set("");
        executor.execute(() -> {
            SchemeFiles.write(s, file);
            return file;
        }, written -> {
            busy.set(false);
            notice.set(text("ui.scheme.exported", written.toAbsolutePath()));
        }, e -> {
            busy.set(false);
            error.set(ErrorText.of(e));
        });
    }

    // --- saving --------------------------------------------------------------------------------

    /**
     * Checks the whole scheme and keeps it as the new version of the year's scheme; on success the
     * workspace reads the database again and {@code onSaved} runs. A scheme with issues is refused
     * with them; a published year refuses: then {@link #refusedProperty()} holds and
     * {@link #copyToNewYear} is offered.
     */
    @Override
    public void save(Runnable onSaved) {
        if (!history.isDirty()) {
            onSaved.run();
            return;
        }
        Optional<WorkbenchDatabase> db = workspace.database();
        if (db.isEmpty() || state() == null || year.get() == null) {
            return;
        }
        Scheme saving = state();
        List<Issue> issues = SchemeValidator.validate(saving);
        if (!issues.isEmpty()) {
            error.set(text("ui.scheme.save-refused") + "\n" + ErrorText.of(new ValidationException(issues)));
            return;
        }
        int y = year.get();
        String operator = workspace.operator();
        busy.set(true);
        error.set("");
        executor.execute(() -> db.get().saveScheme(saving, y, operator), kept -> {
            busy.set(false);
            history.markSaved(saving);
            refused.set(false);
            notice.set(text("ui.units.saved", Integer.toString(y), operator));
            workspace.reload(onSaved);
        }, e -> {
            busy.set(false);
            refused.set(ErrorText.hasCode(e, PUBLISHED));
            error.set(ErrorText.of(e));
        });
    }

    /** The year a copy goes to by default: the year after the latest kept. */
    public int suggestedNewYear() {
        List<Integer> years = workspace.state().content().years();
        return years.isEmpty() ? java.time.Year.now().getValue() : years.get(years.size() - 1) + 1;
    }

    /** Why {@code text} is no year a copy can go to; empty when it is one. */
    public Optional<String> checkNewYear(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.matches("\\d{4}")) {
            return Optional.of(text("ui.periods.year-invalid", t));
        }
        int y = Integer.parseInt(t);
        if (y < 1000 || workspace.state().content().years().contains(y)) {
            return Optional.of(text("ui.periods.year-taken", t));
        }
        return Optional.empty();
    }

    /** 复制到新年度: copies the year's scheme to {@code toYear} with the edits, in one audited write. */
    public void copyToNewYear(int toYear) {
        Optional<WorkbenchDatabase> db = workspace.database();
        if (db.isEmpty() || state() == null || year.get() == null) {
            return;
        }
        Scheme edited = state();
        List<Issue> issues = SchemeValidator.validate(edited);
        if (!issues.isEmpty()) {
            error.set(text("ui.scheme.save-refused") + "\n" + ErrorText.of(new ValidationException(issues)));
            return;
        }
        int from = year.get();
        String operator = workspace.operator();
        busy.set(true);
        error.set("");
        executor.execute(() -> db.get().copySchemeAs(from, toYear, edited, operator), kept -> {
            busy.set(false);
            history.reset(kept); // nothing unsaved: the new year is about to be shown
            refused.set(false);
            notice.set(text("ui.units.copied", Integer.toString(from), Integer.toString(toYear), operator));
            workspace.reload(() -> workspace.selectYear(toYear));
        }, e -> {
            busy.set(false);
            error.set(ErrorText.of(e));
        });
    }

    // --- the rule preview ------------------------------------------------------------------

    /** Computes the chosen indicator's preview on the period chosen at the top, in the background. */
    private void refreshPreview() {
        long request = ++previewGeneration;
        Scheme s = state();
        Optional<Indicator> leaf = selectedIndicator();
        Optional<Period> period = workspace.period();
        Optional<WorkbenchDatabase> db = workspace.database();
        if (s == null || leaf.isEmpty()) {
            preview.set(null);
            previewMessage.set(text("ui.scheme.preview-choose"));
            return;
        }
        if (period.isEmpty() || db.isEmpty() || year.get() == null) {
            preview.set(null);
            previewMessage.set(text("ui.scheme.preview-no-period"));
            return;
        }
        Period p = period.get();
        int y = year.get();
        Object key = List.of(db.get(), p, y, workspace.state().revision());
        Optional<String> unit = Optional.ofNullable(previewUnit.get());
        String code = leaf.get().code();
        Optional<EarlyPreview> ready = Optional.ofNullable(applying).filter(e -> e.scheme() == s)
                .flatMap(Early::preview).filter(e -> e.period().equals(p) && e.code().equals(code) && unit.isEmpty());
        if (ready.isPresent()) {
            showPreview(ready.get().preview(), p);
            return;
        }
        executor.execute(() -> {
            if (!key.equals(figuresKey)) {
                figures = db.get().assessment(p, Optional.of(y));
                figuresKey = key;
            }
            return RulePreviewer.preview(s, code, figures.data(), figures.targets(), p, unit);
        }, r -> {
            if (request == previewGeneration) {
                showPreview(r, p);
            }
        }, e -> {
            if (request == previewGeneration) {
                preview.set(null);
                previewMessage.set(text("ui.scheme.preview-failed") + "\n" + ErrorText.of(e));
            }
        });
    }

    private void showPreview(RulePreview r, Period p) {
        boolean none = r.curveUnit().isEmpty(); // no unit has a value: nothing to draw
        preview.set(none ? null : r);
        previewMessage.set(none ? text("ui.scheme.preview-no-values", p) : "");
    }

    /** The preview of the chosen indicator's rule (null while there is none; see the message). */
    public ReadOnlyObjectProperty<RulePreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Why there is no preview, or empty. */
    public ReadOnlyStringProperty previewMessageProperty() {
        return previewMessage.getReadOnlyProperty();
    }

    /** The unit whose curve the preview draws (a unit code; the first with a value when unset). */
    public StringProperty previewUnitProperty() {
        return previewUnit;
    }

    // --- state ---------------------------------------------------------------------------------

    /** The scheme shown (null while nothing is loaded). */
    public Scheme state() {
        return history.current();
    }

    public ReadOnlyObjectProperty<Scheme> stateProperty() {
        return history.currentProperty();
    }

    public ReadOnlyObjectProperty<Integer> yearProperty() {
        return year.getReadOnlyProperty();
    }

    /** The weights added up per dimension and in total. */
    public ReadOnlyObjectProperty<WeightCheck> weightsProperty() {
        return weights.getReadOnlyProperty();
    }

    /** The scheme's issues as the validator finds them, one sentence each with its field path. */
    public ReadOnlyObjectProperty<List<String>> problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty dirtyProperty() {
        return history.dirtyProperty();
    }

    public boolean isDirty() {
        return history.isDirty();
    }

    @Override
    public ReadOnlyBooleanProperty canUndoProperty() {
        return history.canUndoProperty();
    }

    @Override
    public ReadOnlyBooleanProperty canRedoProperty() {
        return history.canRedoProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether a published bulletin used the year's scheme (saving will be refused). */
    public ReadOnlyBooleanProperty publishedProperty() {
        return published.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }

    /** Whether the last save was refused because the year is published (复制到新年度 is offered). */
    public ReadOnlyBooleanProperty refusedProperty() {
        return refused.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** 共 N 个维度、M 个指标 (and 有未保存的修改). */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    private void updateSummary() {
        Scheme s = state();
        if (s == null) {
            summary.set("");
            return;
        }
        String counts = text("ui.scheme.summary", Integer.toString(s.dimensions().size()),
                Integer.toString(s.leaves().size()));
        summary.set(history.isDirty() ? counts + text("ui.units.unsaved") : counts);
    }

    private static String text(String key, Object... args) {
        return Messages.get().text(key, args);
    }
}
