package org.sanlian.workbench.ui.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.jfree.chart.fx.ChartViewer;
import org.sanlian.workbench.core.model.Aggregation;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.io.chart.DimensionRadarChart;
import org.sanlian.workbench.ui.common.LayoutMemory;

/**
 * The chosen unit's 得分明细 beside the rankings: a heading (unit, zone, ranks, total), a table with a
 * line per top-level dimension (its subtotal and full points) followed by its indicators (value,
 * target, rule, points, full points, gap to the zone's best, formula and inputs), and the radar of
 * its dimension shares against its zone's average. Shows the view model's breakdown and nothing else.
 */
public final class BreakdownView extends VBox {

    public static final String ID = "results-breakdown";
    public static final String HEADING_ID = "breakdown-heading";
    public static final String TABLE_ID = "breakdown-table";
    public static final String RADAR_ID = "breakdown-radar";
    public static final String SPLIT_ID = "results-breakdown-split";
    /** Style class of a dimension's line. */
    public static final String GROUP_STYLE = "breakdown-group";

    /** Column ids, in order. */
    public static final List<String> COLUMNS = List.of("name", "value", "target", "rule", "points", "max", "gap",
            "formula");

    /** One line of the table: a dimension's or an indicator's texts, by {@link #COLUMNS}. */
    public record Line(boolean group, List<String> cells) {
        public String cell(String column) {
            return cells.get(COLUMNS.indexOf(column));
        }
    }

    private final ResultsViewModel model;
    private final Label heading = new Label();
    /** Made when first needed (a unit shown, or Enter on a ranking): a cold start makes one table fewer. */
    private TableView<Line> table;
    private final javafx.scene.layout.StackPane tablePlace = new javafx.scene.layout.StackPane();
    /** Made when the first unit is shown: a chart viewer and JFreeChart cost a cold start about 0.1 s. */
    private ChartViewer radar;
    private final javafx.scene.layout.StackPane radarPlace = new javafx.scene.layout.StackPane();

    public BreakdownView(ResultsViewModel model) {
        this.model = model;
        createView();
        model.breakdownProperty().addListener((obs, old, now) -> show(now));
        show(model.getBreakdown());
    }

    private void createView() {
        Messages m = Messages.get();
        setId(ID);
        getStyleClass().add("results-breakdown");
        setSpacing(4);
        setPadding(new Insets(6, 10, 6, 10));
        heading.setId(HEADING_ID);
        heading.getStyleClass().add("section-title");
        Label none = new Label(m.text("ui.results.detail.none"));
        tablePlace.getChildren().add(none);
        tablePlace.setMinHeight(0);
        radarPlace.setMinSize(120, 120);
        radarPlace.setPrefSize(320, 260);
        SplitPane split = new SplitPane(tablePlace, radarPlace);
        split.setId(SPLIT_ID);
        split.setDividerPositions(0.72);
        LayoutMemory.dividers(split);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(heading, split);
        setMinHeight(0); // the rankings above keep their room when the window is low
        split.setMinHeight(0);
    }

    /** The breakdown's table, made on first use in place of the "no unit chosen" label. */
    private TableView<Line> table() {
        if (table != null) {
            return table;
        }
        Messages m = Messages.get();
        table = new TableView<>();
        table.setId(TABLE_ID);
        table.setPlaceholder(new Label(m.text("ui.results.detail.none")));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        double[] widths = {180, 80, 80, 220, 64, 56, 90, 260};
        for (int i = 0; i < COLUMNS.size(); i++) {
            String id = COLUMNS.get(i);
            TableColumn<Line, String> c = new TableColumn<>(m.text("ui.results.detail.column." + id));
            c.setId(id);
            c.setPrefWidth(widths[i]);
            c.setSortable(false);
            int at = i;
            c.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue().cells().get(at)));
            if (i != 0 && i != 3 && i != 7) {
                c.getStyleClass().add("number");
            }
            table.getColumns().add(c);
        }
        LayoutMemory.columns(table);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Line line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().remove(GROUP_STYLE);
                if (!empty && line != null && line.group()) {
                    getStyleClass().add(GROUP_STYLE);
                }
            }
        });
        table.setMinHeight(0);
        tablePlace.getChildren().setAll(table);
        return table;
    }

    /** Moves the keyboard focus to the breakdown's table (Enter on a ranking). */
    public void focusTable() {
        table().requestFocus();
    }

    /** The table's lines, for tests. */
    public List<Line> lines() {
        return table == null ? List.of() : List.copyOf(table.getItems());
    }

    private void show(UnitBreakdown b) {
        Messages m = Messages.get();
        if (b == null) {
            heading.setText(m.text("ui.results.detail.none"));
            if (table != null) {
                table.getItems().clear();
            }
            if (radar != null) {
                radar.setVisible(false); // a viewer cannot be emptied: hidden until a unit is chosen
            }
            return;
        }
        ResultFormat f = model.format();
        var u = b.unit();
        heading.setText(m.text("ui.results.detail.heading", u.unit().name(), u.zone().name(),
                Integer.toString(u.rank()), Integer.toString(u.zoneRank()), f.score(u.total())));
        boolean points = model.assessment().scheme().aggregation() == Aggregation.POINTS;
        List<Line> lines = new ArrayList<>();
        for (UnitBreakdown.Group g : b.groups()) {
            lines.add(new Line(true, List.of(g.name(), "", "", "", f.score(g.subtotal()),
                    points ? f.score(g.maxPoints()) : "", "", "")));
            for (UnitBreakdown.Line l : g.lines()) {
                String formula = l.formula().map(x -> l.inputs().isEmpty() ? x
                        : m.text("ui.results.detail.formula", x, String.join("，", l.inputs()))).orElse("");
                String value = number(l.value());
                if (l.state() != org.sanlian.workbench.core.scoring.LeafScore.State.SCORED) {
                    value = m.text("ui.results.detail.state." + l.state().name(), value);
                }
                lines.add(new Line(false, List.of("　" + l.indicator().name(), value, number(l.target()), l.rule(),
                        f.score(l.points()), f.score(l.maxPoints()), f.score(l.gapToBest()), formula)));
            }
        }
        table().getItems().setAll(lines);
        UnitBreakdown.RadarShares shares = b.radar();
        if (radar == null) {
            radar = new ChartViewer();
            radar.setId(RADAR_ID);
            radarPlace.getChildren().add(radar);
        }
        radar.setVisible(true);
        radar.setChart(DimensionRadarChart.build(new DimensionRadarChart.Data(
                m.text("ui.results.chart.radar-title", u.unit().name()), shares.dimensions(),
                List.of(u.unit().name(), m.text("ui.results.chart.zone-average", u.zone().name())),
                new double[][] {shares.unit(), shares.zoneAverage()})));
    }

    /** A figure as entered, without trailing zeros and at most four decimals. */
    private static String number(OptionalDouble v) {
        if (v.isEmpty() || Double.isNaN(v.getAsDouble())) {
            return "";
        }
        return BigDecimal.valueOf(v.getAsDouble()).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }
}
