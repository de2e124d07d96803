package org.sanlian.workbench.ui.common;

import java.util.Objects;
import java.util.function.Supplier;

import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;

/**
 * The tooltip of a table cell, made when the mouse first comes over the cell. A tooltip is a popup
 * window with a scene of its own; a grid that gave each of its hundreds of cells a new one at every
 * update spent a tenth of its first showing making tooltips nobody looked at (docs/performance.md).
 * The cell says what its tooltip would say, as text ({@link #say}) or as the way to make it, worked
 * out only when the mouse comes over the cell ({@link #sayWhenShown}); the tooltip is made, once per
 * cell, when the mouse enters it, and says what the cell said last.
 */
public final class HoverTip {

    private final Control owner;
    private Supplier<String> text;
    private Tooltip tooltip;

    /** The tip of {@code owner}, which keeps no other tooltip. */
    public HoverTip(Control owner) {
        this.owner = Objects.requireNonNull(owner, "owner");
        owner.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> install());
        owner.addEventHandler(MouseEvent.MOUSE_MOVED, e -> install());
    }

    /** What the tooltip says from now on; null or blank for none. */
    public void say(String text) {
        sayWhenShown(text == null || text.isBlank() ? null : () -> text);
    }

    /** What the tooltip says from now on, worked out when it is shown; null (or a blank answer) for none. */
    public void sayWhenShown(Supplier<String> text) {
        this.text = text;
        if (text == null) {
            owner.setTooltip(null);
        } else if (tooltip != null && owner.getTooltip() == tooltip) {
            install(); // pointed at already: says the new text at once
        }
    }

    /** What the tooltip says (null for none). */
    public String text() {
        String t = text == null ? null : text.get();
        return t == null || t.isBlank() ? null : t;
    }

    private void install() {
        String t = text();
        if (t == null) {
            owner.setTooltip(null);
            return;
        }
        if (tooltip == null) {
            tooltip = new Tooltip();
            tooltip.setShowDelay(Duration.millis(300));
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(480);
        }
        tooltip.setText(t);
        if (owner.getTooltip() != tooltip) {
            owner.setTooltip(tooltip);
        }
    }
}
