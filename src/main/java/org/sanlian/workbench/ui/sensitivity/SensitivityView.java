package org.sanlian.workbench.ui.sensitivity;

import java.util.List;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.jfree.chart.fx.ChartViewer;
import org.sanlian.workbench.core.sensitivity.SensitivityResult;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.io.chart.RankIntervalChart;
import org.sanlian.workbench.ui.results.ResultFormat;

/**
 * 稳健性: the spread and the number of draws, 计算 and 取消 with a progress bar; below, a table of
 * each unit's actual rank, rank interval and share of draws listed, beside a chart of the intervals
 * with the actual ranks marked. Built in code; it only builds nodes, binds and forwards events.
 */
public final class SensitivityView extends VBox {

    public static final String SPREAD_ID = "sensitivity-spread";
    public static final String DRAWS_ID = "sensitivity-draws";
    public static final String RUN_ID = "sensitivity-run";
    public static final String CANCEL_ID = "sensitivity-cancel";
    public static final String PROGRESS_ID = "sensitivity-progress";
    public static final String STATUS_ID = "sensitivity-status";
    public static final String ERROR_ID = "sensitivity-error";
    public static final String TABLE_ID = "sensitivity-table";
    public static final String CHART_ID = "sensitivity-chart";

    private final SensitivityViewModel model;
    private final ChartViewer chart = new ChartViewer();

    public SensitivityView(SensitivityViewModel model) {
        super(8);
        this.model = model;
        createView();
        model.resultProperty().addListener((o, a, r) -> showChart(r));
        showChart(model.resultProperty().get());
    }

    private void createView() {
        Messages m = Messages.get();
        getStyleClass().add("sensitivity-view");
        setPadding(new Insets(10));

        Label heading = new Label();
        heading.getStyleClass().add("section-title");
        heading.textProperty().bind(model.headingProperty());
        Label explain = new Label(m.text("ui.sensitivity.explain"));
        explain.getStyleClass().add("hint");
        explain.setWrapText(true);

        Spinner<Double> spread = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(
                SensitivityViewModel.MIN_SPREAD, SensitivityViewModel.MAX_SPREAD, model.spreadProperty().get(), 0.05));
        spread.setId(SPREAD_ID);
        spread.setEditable(true);
        spread.setPrefWidth(90);
        spread.getValueFactory().valueProperty().bindBidirectional(model.spreadProperty());
        Spinner<Integer> draws = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(
                SensitivityViewModel.MIN_DRAWS, SensitivityViewModel.MAX_DRAWS, model.drawsProperty().get(), 100));
        draws.setId(DRAWS_ID);
        draws.setEditable(true);
        draws.setPrefWidth(110);
        draws.getValueFactory().valueProperty().bindBidirectional(model.drawsProperty());
        Label spreadLabel = new Label(m.text("ui.sensitivity.spread"));
        spreadLabel.setMnemonicParsing(true);
        spreadLabel.setLabelFor(spread);
        Label drawsLabel = new Label(m.text("ui.sensitivity.draws"));
        drawsLabel.setMnemonicParsing(true);
        drawsLabel.setLabelFor(draws);

        Button run = new Button(m.text("ui.sensitivity.run"));
        run.setId(RUN_ID);
        run.setMnemonicParsing(true);
        run.setDefaultButton(true);
        run.disableProperty().bind(model.runningProperty().or(model.readyProperty().not()));
        run.setOnAction(e -> {
            commit(spread);
            commit(draws);
            model.run();
        });
        Button cancel = new Button(m.text("ui.sensitivity.cancel"));
        cancel.setId(CANCEL_ID);
        cancel.setCancelButton(true);
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        ProgressBar progress = new ProgressBar();
        progress.setId(PROGRESS_ID);
        progress.setPrefWidth(200);
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.runningProperty());
        Label status = new Label();
        status.setId(STATUS_ID);
        status.textProperty().bind(model.statusProperty());
        HBox controls = new HBox(8, spreadLabel, spread, drawsLabel, draws, run, cancel, progress, status);
        controls.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.setId(ERROR_ID);
        error.getStyleClass().add("error-message");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());

        TableView<SensitivityRow> table = new TableView<>(model.rows());
        table.setId(TABLE_ID);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().addAll(List.of(
                column("ui.sensitivity.col.unit", r -> new ReadOnlyStringWrapper(r.unit()), ""),
                column("ui.sensitivity.col.zone", r -> new ReadOnlyStringWrapper(r.zone()), ""),
                column("ui.sensitivity.col.rank", r -> new ReadOnlyObjectWrapper<>(r.rank()), "number"),
                column("ui.sensitivity.col.median", r -> new ReadOnlyObjectWrapper<>(r.medianRank()), "number"),
                column("ui.sensitivity.col.interval", r -> new ReadOnlyStringWrapper(r.interval()), "centered"),
                column("ui.sensitivity.col.range", r -> new ReadOnlyStringWrapper(r.range()), "centered"),
                column("ui.sensitivity.col.listed", r -> new ReadOnlyStringWrapper(r.listedText()), "number")));

        chart.setId(CHART_ID);
        chart.setMinHeight(240);
        SplitPane split = new SplitPane(table, chart);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.5);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(heading, explain, controls, error, split);
    }

    private static <T> TableColumn<SensitivityRow, T> column(String key,
                                                             Function<SensitivityRow, ObservableValue<T>> value,
                                                             String style) {
        TableColumn<SensitivityRow, T> c = new TableColumn<>(Messages.get().text(key));
        c.setCellValueFactory(f -> value.apply(f.getValue()));
        if (!style.isEmpty()) {
            c.getStyleClass().add(style);
        }
        c.setSortable(false);
        return c;
    }

    /** Takes what is typed in a spinner's editor (as leaving it would). */
    private static <T> void commit(Spinner<T> spinner) {
        String typed = spinner.getEditor().getText();
        try {
            T value = spinner.getValueFactory().getConverter().fromString(typed);
            if (value != null) {
                spinner.getValueFactory().setValue(value);
            }
        } catch (RuntimeException e) {
            spinner.getEditor().setText(spinner.getValueFactory().getConverter().toString(spinner.getValue()));
        }
    }

    private void showChart(SensitivityResult r) {
        chart.setVisible(r != null);
        if (r == null) {
            return; // hidden; the viewer takes no empty chart
        }
        Messages m = Messages.get();
        List<SensitivityRow> rows = model.rows();
        chart.setChart(RankIntervalChart.build(new RankIntervalChart.Data(
                m.text("ui.sensitivity.chart-title", ResultFormat.period(r.period())),
                m.text("ui.sensitivity.chart-axis"), m.text("ui.sensitivity.chart-interval"),
                m.text("ui.sensitivity.chart-rank"), rows.stream().map(SensitivityRow::unit).toList(),
                rows.stream().mapToInt(SensitivityRow::rank).toArray(),
                rows.stream().mapToInt(SensitivityRow::best).toArray(),
                rows.stream().mapToInt(SensitivityRow::worst).toArray(), rows.size())));
    }
}
