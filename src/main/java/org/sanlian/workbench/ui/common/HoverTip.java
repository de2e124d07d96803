package org.sanlian.workbench.ui.common;

import java.util.Objects;

import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;

/**
 * The tooltip of a table cell, made when the mouse first comes over the cell. A tooltip is a popup
 * window with a scene of its own; a grid that gave each of its hundreds of cells a new one at every
 * update spent a tenth of its first showing making tooltips nobody looked at (docs/performance.md).
 * The cell says what its tooltip would say ({@link #say}); the tooltip is made, once per cell, when
 * the mouse enters it, and says what the cell said last.
 */
public final class HoverTip {

    private final Control owner;
    private String text;
    private Tooltip tooltip;

    /** The tip of {@code owner}, which keeps no other tooltip. */
    public HoverTip(Control owner) {
        this.owner = Objects.requireNonNull(owner, "owner");
        owner.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> install());
        owner.addEventHandler(MouseEvent.MOUSE_MOVED, e -> install());
    }

    /** What the tooltip says from now on; null or blank for none. */
    public void say(String text) {
        this.text = text == null || text.isBlank() ? null : text;
        if (this.text == null) {
            owner.setTooltip(null);
        } else if (tooltip != null) {
            tooltip.setText(this.text);
        }
    }

    /** What the tooltip says (null for none). */
    public String text() {
        return text;
    }

    private void install() {
        if (text == null) {
            return;
        }
        if (tooltip == null) {
            tooltip = new Tooltip();
            tooltip.setShowDelay(Duration.millis(300));
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(480);
        }
        tooltip.setText(text);
        if (owner.getTooltip() != tooltip) {
            owner.setTooltip(tooltip);
        }
    }
}
