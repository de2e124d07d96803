package org.sanlian.workbench.ui.results;

import java.util.List;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

import org.jfree.chart.fx.ChartViewer;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.io.chart.ChartData;
import org.sanlian.workbench.io.chart.Charts;

/**
 * The 图表 tab: each zone's totals as bars, drawn by the same builders as the meeting workbook's
 * pictures ({@link Charts#build}), one {@link ChartViewer} per zone, below each other. The charts are
 * built only while the tab is shown (JFreeChart and its fonts are a good part of a cold start, and
 * most visits of the screen never open the tab); new figures while it is hidden wait for the next visit.
 */
public final class TotalsChartsPane extends ScrollPane {

    public static final String ID = "results-charts";
    /** Style class of each zone's chart viewer. */
    public static final String CHART_STYLE = "results-zone-chart";

    private final VBox charts = new VBox(12);
    private final ResultsViewModel model;
    private boolean shown;
    /** The charts drawn are of the figures now (else they are drawn at the next showing). */
    private boolean current;

    public TotalsChartsPane(ResultsViewModel model) {
        this.model = model;
        setId(ID);
        setFitToWidth(true);
        charts.setPadding(new Insets(10));
        setContent(charts);
        model.totalsCharts().addListener((ListChangeListener<ChartData>) c -> {
            current = false;
            refresh();
        });
    }

    /** Whether the tab is shown: the charts are drawn when it is (again) and their figures changed. */
    public void setShown(boolean shown) {
        this.shown = shown;
        refresh();
    }

    private void refresh() {
        if (shown && !current) {
            current = true;
            show(model.totalsCharts());
        }
    }

    private void show(List<? extends ChartData> data) {
        if (data.isEmpty()) {
            charts.getChildren().setAll(new Label(Messages.get().text("ui.results.empty")));
            return;
        }
        charts.getChildren().clear();
        for (ChartData d : data) {
            ChartViewer viewer = new ChartViewer(Charts.build(d));
            viewer.getStyleClass().add(CHART_STYLE);
            viewer.setPrefHeight(340);
            viewer.setMinHeight(260);
            charts.getChildren().add(viewer);
        }
    }
}
