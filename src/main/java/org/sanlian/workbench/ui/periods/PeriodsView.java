package org.sanlian.workbench.ui.periods;

import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.sanlian.workbench.ui.common.LayoutMemory;
import org.sanlian.workbench.app.PeriodSummary;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.results.ResultFormat;

/**
 * 考核期: the kept periods (figures, units with figures, bulletins, the scheme year that scores
 * each), a field to add a period, the schemes by year, and a field to copy the chosen year's scheme
 * to a new year. A double click on a period chooses it at the top. Built in code.
 */
public final class PeriodsView extends VBox {

    public static final String PERIODS_TABLE_ID = "periods-table";
    public static final String SCHEMES_TABLE_ID = "schemes-table";
    public static final String NEW_PERIOD_ID = "new-period";
    public static final String ADD_PERIOD_ID = "add-period";
    public static final String PERIOD_PROBLEM_ID = "period-problem";
    public static final String NEW_YEAR_ID = "new-year";
    public static final String COPY_ID = "copy-scheme";
    public static final String YEAR_PROBLEM_ID = "year-problem";
    public static final String NOTICE_ID = "periods-notice";
    public static final String ERROR_ID = "periods-error";

    private final PeriodsViewModel model;

    public PeriodsView(PeriodsViewModel model) {
        super(8);
        this.model = model;
        createView();
    }

    private void createView() {
        Messages m = Messages.get();
        getStyleClass().add("periods-view");
        setPadding(new Insets(10));

        Label periodsTitle = new Label(m.text("ui.periods.title"));
        periodsTitle.getStyleClass().add("section-title");
        TableView<PeriodSummary> periods = new TableView<>(model.periods());
        periods.setId(PERIODS_TABLE_ID);
        LayoutMemory.columns(periods);
        periods.setPlaceholder(new Label(m.text("ui.periods.empty")));
        periods.getColumns().add(column("period", m.text("ui.periods.period"), 110,
                s -> ResultFormat.period(s.period())));
        periods.getColumns().add(column("kind", m.text("ui.periods.kind"), 70,
                s -> m.text("ui.periods.kind." + s.period().kind().name())));
        periods.getColumns().add(column("figures", m.text("ui.periods.figures"), 90,
                s -> Integer.toString(s.figures()), "number"));
        periods.getColumns().add(column("units", m.text("ui.periods.units"), 110,
                s -> Integer.toString(s.units()), "number"));
        periods.getColumns().add(column("published", m.text("ui.periods.published"), 200,
                s -> s.published() ? m.text("ui.periods.published-as", String.join("、", s.bulletins()))
                        : m.text("ui.periods.not-published")));
        periods.getColumns().add(column("scheme", m.text("ui.periods.scheme"), 120,
                s -> model.workspace().state().content().schemeYearFor(s.period())
                        .map(y -> m.text("ui.periods.scheme-of", Integer.toString(y))).orElse("")));
        periods.setRowFactory(t -> {
            TableRow<PeriodSummary> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    model.workspace().selectPeriod(row.getItem().period());
                }
            });
            return row;
        });
        periods.setPrefHeight(260);
        VBox.setVgrow(periods, Priority.ALWAYS);

        TextField newPeriod = new TextField();
        newPeriod.setId(NEW_PERIOD_ID);
        newPeriod.setPromptText(m.text("ui.periods.new-prompt"));
        newPeriod.setPrefColumnCount(16);
        newPeriod.textProperty().bindBidirectional(model.newPeriodProperty());
        Button add = new Button(m.text("ui.periods.add"));
        add.setId(ADD_PERIOD_ID);
        add.setOnAction(e -> model.addPeriod());
        newPeriod.setOnAction(e -> model.addPeriod());
        add.disableProperty().bind(model.writableProperty().not().or(model.busyProperty())
                .or(Bindings.isNotEmpty(model.periodProblemProperty()))
                .or(Bindings.createBooleanBinding(() -> model.newPeriodProperty().get().isBlank(),
                        model.newPeriodProperty())));
        Label periodLabel = new Label(m.text("ui.periods.new"));
        periodLabel.setLabelFor(newPeriod);
        Label periodProblem = problem(PERIOD_PROBLEM_ID);
        periodProblem.textProperty().bind(model.periodProblemProperty());
        HBox addRow = new HBox(8, periodLabel, newPeriod, add, periodProblem);
        addRow.setAlignment(Pos.CENTER_LEFT);

        Label schemesTitle = new Label(m.text("ui.periods.schemes-title"));
        schemesTitle.getStyleClass().add("section-title");
        TableView<PeriodsViewModel.SchemeRow> schemes = new TableView<>(model.schemes());
        schemes.setId(SCHEMES_TABLE_ID);
        LayoutMemory.columns(schemes);
        schemes.setPlaceholder(new Label(m.text("ui.periods.no-schemes")));
        schemes.getColumns().add(schemeColumn("year", m.text("ui.periods.year"), 80,
                r -> m.text("ui.periods.scheme-of", Integer.toString(r.year()))));
        schemes.getColumns().add(schemeColumn("name", m.text("ui.periods.scheme-name"), 260, r -> r.name()));
        schemes.getColumns().add(schemeColumn("kind", m.text("ui.periods.kind"), 70,
                r -> m.text("ui.periods.kind." + r.kind().name())));
        schemes.getColumns().add(schemeColumn("copiedFrom", m.text("ui.periods.copied-from"), 90,
                r -> r.copiedFrom().map(y -> Integer.toString(y)).orElse("")));
        schemes.getColumns().add(schemeColumn("changedAt", m.text("ui.periods.changed-at"), 170, r -> r.changedAt()));
        schemes.getColumns().add(schemeColumn("locked", m.text("ui.periods.locked"), 200,
                r -> r.published() ? m.text("ui.periods.locked-yes") : ""));
        schemes.setPrefHeight(160);

        TextField newYear = new TextField();
        newYear.setId(NEW_YEAR_ID);
        newYear.setPrefColumnCount(6);
        newYear.textProperty().bindBidirectional(model.newYearProperty());
        Button copy = new Button(m.text("ui.periods.copy"));
        copy.setId(COPY_ID);
        copy.setOnAction(e -> model.copyScheme());
        copy.disableProperty().bind(model.writableProperty().not().or(model.busyProperty())
                .or(Bindings.isNotEmpty(model.yearProblemProperty())));
        Label copyLabel = new Label();
        copyLabel.setLabelFor(newYear);
        Runnable label = () -> copyLabel.setText(model.year()
                .map(y -> m.text("ui.periods.copy-from", Integer.toString(y))).orElse(m.text("ui.periods.no-scheme")));
        label.run();
        model.workspace().stateProperty().addListener((o, a, b) -> {
            label.run();
            periods.refresh(); // the scheme column depends on the schemes kept
        });
        Label yearProblem = problem(YEAR_PROBLEM_ID);
        yearProblem.textProperty().bind(model.yearProblemProperty());
        HBox copyRow = new HBox(8, copyLabel, newYear, copy, yearProblem);
        copyRow.setAlignment(Pos.CENTER_LEFT);

        Label error = problem(ERROR_ID);
        error.textProperty().bind(model.errorProperty());
        Label notice = new Label();
        notice.setId(NOTICE_ID);
        notice.textProperty().bind(model.noticeProperty());
        Label hint = new Label(m.text("ui.periods.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);

        getChildren().addAll(periodsTitle, periods, addRow, schemesTitle, schemes, copyRow, error, notice, hint);
    }

    private static Label problem(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("error-message");
        l.setWrapText(true);
        l.visibleProperty().bind(Bindings.isNotEmpty(l.textProperty()));
        return l;
    }

    private static TableColumn<PeriodSummary, String> column(String id, String title, double width,
                                                             Function<PeriodSummary, String> text,
                                                             String... styles) {
        return typed(id, title, width, text, styles);
    }

    private static TableColumn<PeriodsViewModel.SchemeRow, String> schemeColumn(
            String id, String title, double width, Function<PeriodsViewModel.SchemeRow, String> text) {
        return typed(id, title, width, text);
    }

    private static <R> TableColumn<R, String> typed(String id, String title, double width, Function<R, String> text,
                                                    String... styles) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setId(id);
        c.setPrefWidth(width);
        c.getStyleClass().addAll(styles);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(text.apply(f.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        return c;
    }
}
