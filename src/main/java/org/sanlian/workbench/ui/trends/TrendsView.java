package org.sanlian.workbench.ui.trends;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.jfree.chart.fx.ChartViewer;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.io.chart.ChartData;
import org.sanlian.workbench.io.chart.TrendChart;
import org.sanlian.workbench.ui.results.ResultFormat;

/**
 * 趋势: the units to show ticked in a list on the left; on the right the measure switch (总分 /
 * 总排名 / 分区排名), the line chart (ranks with 1 at the top) and, below it, the rank-change table
 * (a row per ticked unit, a column per period: rank and change). Scoring shows its progress and can
 * be stopped. Built in code; only shows and forwards.
 */
public final class TrendsView extends HBox {

    public static final String UNITS_ID = "trends-units";
    public static final String CHART_ID = "trends-chart";
    public static final String TABLE_ID = "trends-changes";
    public static final String STATUS_ID = "trends-status";
    public static final String ERROR_ID = "trends-error";
    public static final String CANCEL_ID = "trends-cancel";
    public static final String PROGRESS_ID = "trends-progress";

    private final TrendsViewModel model;
    private final ChartViewer viewer = new ChartViewer();
    private final TableView<TrendsViewModel.ChangeRow> table = new TableView<>();

    public TrendsView(TrendsViewModel model) {
        super(10);
        this.model = model;
        createView();
    }

    /** The id of a measure's switch button. */
    public static String measureId(TrendsViewModel.Measure m) {
        return "trends-measure-" + m.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private void createView() {
        Messages m = Messages.get();
        getStyleClass().add("trends-view");
        setPadding(new Insets(10));

        ListView<TrendsViewModel.Choice> units = new ListView<>(model.units());
        units.setId(UNITS_ID);
        units.setCellFactory(CheckBoxListCell.forListView(TrendsViewModel.Choice::checkedProperty));
        units.setPrefWidth(200);
        units.setMinWidth(160);
        Label unitsTitle = new Label(m.text("ui.trends.units"));
        unitsTitle.getStyleClass().add("section-title");
        unitsTitle.setLabelFor(units);
        VBox left = new VBox(6, unitsTitle, units);
        VBox.setVgrow(units, Priority.ALWAYS);

        ToggleGroup group = new ToggleGroup();
        HBox switches = new HBox(0);
        for (TrendsViewModel.Measure measure : TrendsViewModel.Measure.values()) {
            ToggleButton b = new ToggleButton(m.text("ui.trends.measure." + measure.name()));
            b.setId(measureId(measure));
            b.setToggleGroup(group);
            b.setUserData(measure);
            b.setSelected(model.measureProperty().get() == measure);
            switches.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((o, a, now) -> {
            if (now == null) {
                a.setSelected(true); // one measure is always chosen
            } else {
                model.measureProperty().set((TrendsViewModel.Measure) now.getUserData());
            }
        });

        ProgressBar progress = new ProgressBar();
        progress.setId(PROGRESS_ID);
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(model.busyProperty());
        Button cancel = new Button(m.text("ui.trends.cancel"));
        cancel.setId(CANCEL_ID);
        cancel.setOnAction(e -> model.cancel());
        cancel.visibleProperty().bind(model.busyProperty());
        cancel.managedProperty().bind(model.busyProperty());
        Label status = new Label();
        status.setId(STATUS_ID);
        status.getStyleClass().add("status-line");
        status.textProperty().bind(model.statusProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, switches, grow, progress, cancel, status);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.setId(ERROR_ID);
        error.getStyleClass().add("error-message");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());

        viewer.setId(CHART_ID);
        viewer.setMinHeight(220);
        model.chartProperty().addListener((o, a, now) -> draw(now));
        draw(model.chartProperty().get());

        table.setId(TABLE_ID);
        table.setItems(model.changeRows());
        table.setPlaceholder(new Label(m.text("ui.trends.none-ticked")));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        model.periods().addListener((ListChangeListener<Period>) c -> columns());
        model.measureProperty().addListener((o, a, b) -> columns());
        columns();
        Label tableTitle = new Label(m.text("ui.trends.changes"));
        tableTitle.getStyleClass().add("section-title");
        VBox lower = new VBox(6, tableTitle, table);
        VBox.setVgrow(table, Priority.ALWAYS);

        BorderPane chartPane = new BorderPane(viewer);
        SplitPane split = new SplitPane(chartPane, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        VBox right = new VBox(8, bar, error, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);

        Label hint = new Label(m.text("ui.trends.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        right.getChildren().add(hint);
        getChildren().addAll(left, right);
        // Escape stops the scoring, as 停止计算 does
        addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && model.busyProperty().get()) {
                model.cancel();
                e.consume();
            }
        });
    }

    private void draw(ChartData data) {
        viewer.setVisible(data != null);
        if (data != null) {
            viewer.setChart(TrendChart.build(data, model.lowestRank()));
        }
    }

    private void columns() {
        Messages m = Messages.get();
        java.util.List<TableColumn<TrendsViewModel.ChangeRow, String>> columns = new java.util.ArrayList<>();
        TableColumn<TrendsViewModel.ChangeRow, String> unit = new TableColumn<>(m.text("ui.trends.col.unit"));
        unit.setPrefWidth(120);
        unit.setSortable(false);
        unit.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().name()));
        columns.add(unit);
        String rank = m.text(model.measureProperty().get() == TrendsViewModel.Measure.ZONE_RANK
                ? "ui.trends.col.zone-rank" : "ui.trends.col.rank");
        for (int i = 0; i < model.periods().size(); i++) {
            int p = i;
            TableColumn<TrendsViewModel.ChangeRow, String> c = new TableColumn<>(
                    m.text("ui.trends.col.period", ResultFormat.period(model.periods().get(p)), rank));
            c.setId("trends-period-" + p);
            c.setPrefWidth(110);
            c.setSortable(false);
            c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().cells().size() > p
                    ? f.getValue().cells().get(p).text() : ""));
            columns.add(c);
        }
        table.getColumns().setAll(columns);
    }
}
