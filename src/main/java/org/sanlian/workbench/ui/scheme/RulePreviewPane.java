package org.sanlian.workbench.ui.scheme;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

import org.jfree.chart.fx.ChartViewer;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.io.chart.RuleCurveChart;

/**
 * The rule preview under the form: the chart of {@link RulePreview} (the engine's points for each
 * unit and one unit's curve), redrawn whenever the view model has a new preview; the unit whose curve
 * is drawn can be chosen; a message says why there is none.
 */
final class RulePreviewPane extends BorderPane {

    static final String CHART_ID = "scheme-preview";
    static final String MESSAGE_ID = "scheme-preview-message";
    static final String UNIT_ID = "scheme-preview-unit";

    private final SchemeEditorViewModel model;
    private final ChartViewer viewer = new ChartViewer();
    private final Label message = new Label();
    private final ComboBox<Unit> unit;
    private boolean filling;

    RulePreviewPane(SchemeEditorViewModel model) {
        this.model = model;
        viewer.setId(CHART_ID);
        viewer.setMinHeight(220);
        message.setId(MESSAGE_ID);
        message.setWrapText(true);
        unit = SchemeEditorView.combo(UNIT_ID, java.util.List.of(), Unit::name);
        unit.valueProperty().addListener((obs, old, now) -> {
            if (!filling && now != null) {
                model.previewUnitProperty().set(now.code());
            }
        });
        HBox top = new HBox(8, new Label(Messages.get().text("ui.scheme.preview-unit")), unit, message);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6, 10, 0, 10));
        setTop(top);
        setCenter(viewer);
        message.textProperty().bind(model.previewMessageProperty());
        model.previewProperty().addListener((obs, old, now) -> draw(now));
        model.stateProperty().addListener((obs, old, now) -> units(now));
        units(model.state());
        draw(model.previewProperty().get());
    }

    private void units(Scheme scheme) {
        filling = true;
        try {
            java.util.List<Unit> list = scheme == null ? java.util.List.of() : scheme.units();
            if (!unit.getItems().equals(list)) {
                unit.getItems().setAll(list);
            }
        } finally {
            filling = false;
        }
    }

    private void draw(RulePreview p) {
        viewer.setVisible(p != null);
        if (p == null) {
            return;
        }
        filling = true;
        try {
            unit.getItems().stream().filter(u -> u.name().equals(p.curveUnit())).findFirst().ifPresent(unit::setValue);
        } finally {
            filling = false;
        }
        viewer.setChart(RuleCurveChart.build(chartData(p)));
    }

    /** The preview as the chart draws it, with the bundle's texts. */
    static RuleCurveChart.Data chartData(RulePreview p) {
        Messages m = Messages.get();
        return new RuleCurveChart.Data(m.text("ui.scheme.preview-title", p.period().toString(), p.name(), p.code()),
                p.unitOfMeasure().isBlank() ? m.text("ui.scheme.preview-value")
                        : m.text("ui.scheme.preview-value-unit", p.unitOfMeasure()),
                m.text(p.points() ? "ui.scheme.preview-points" : "ui.scheme.preview-normalised"),
                m.text("ui.scheme.preview-curve", p.curveUnit()), p.curveX(), p.curveY(),
                m.text("ui.scheme.preview-units", p.period().toString()), p.units(), p.values(), p.scores());
    }
}
