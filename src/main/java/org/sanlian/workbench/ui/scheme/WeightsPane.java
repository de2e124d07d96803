package org.sanlian.workbench.ui.scheme;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import org.sanlian.workbench.i18n.Messages;

/**
 * The weights added up, under the tree: a line per dimension (its points against its children's
 * sum, a mismatch with both numbers and the difference) and the total.
 */
final class WeightsPane extends VBox {

    static final String ID = "scheme-weights";
    static final String TOTAL_ID = "scheme-weights-total";

    WeightsPane(SchemeEditorViewModel model) {
        super(2);
        setId(ID);
        model.weightsProperty().addListener((obs, old, now) -> render(now));
        render(model.weightsProperty().get());
    }

    private void render(WeightCheck check) {
        getChildren().clear();
        if (check == null) {
            return;
        }
        for (WeightCheck.Line line : check.dimensions()) {
            getChildren().add(line(text(line), !line.ok()));
        }
        Label total = line(total(check), !check.totalOk());
        total.setId(TOTAL_ID);
        getChildren().add(total);
    }

    /** A dimension's line as shown. */
    static String text(WeightCheck.Line line) {
        Messages m = Messages.get();
        String sum = WeightCheck.number(line.sum());
        if (line.given().isEmpty()) {
            return m.text("ui.scheme.weights-dimension-sum", line.name(), sum);
        }
        double given = line.given().getAsDouble();
        if (!line.ok()) {
            return m.text("ui.scheme.weights-mismatch", line.name(), WeightCheck.number(given), sum,
                    WeightCheck.number(Math.abs(given - line.sum())));
        }
        return m.text("ui.scheme.weights-dimension", line.name(), WeightCheck.number(given), sum);
    }

    /** The total as shown. */
    static String total(WeightCheck check) {
        Messages m = Messages.get();
        String total = WeightCheck.number(check.total());
        if (!check.points()) {
            return m.text("ui.scheme.weights-relative", total);
        }
        if (!check.totalOk()) {
            return m.text("ui.scheme.weights-total-mismatch", total, WeightCheck.number(WeightCheck.FULL_MARKS),
                    WeightCheck.number(Math.abs(check.total() - WeightCheck.FULL_MARKS)));
        }
        return m.text("ui.scheme.weights-total", total);
    }

    private static Label line(String text, boolean wrong) {
        Label l = new Label(text);
        l.setWrapText(true);
        if (wrong) {
            l.getStyleClass().add("error-message");
        }
        return l;
    }
}
