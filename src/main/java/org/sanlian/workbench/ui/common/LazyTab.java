package org.sanlian.workbench.ui.common;

import java.util.Objects;
import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.control.Tab;

/**
 * A tab whose content is made when the tab is first selected. A tab pane lays out and styles every
 * tab's content, shown or not, so each table or form a screen makes at once costs its first showing
 * its skin, CSS and layout (about a tenth of a second each on a cold start, docs/performance.md);
 * made this way, a tab nobody opens costs nothing.
 */
public final class LazyTab {

    private LazyTab() {
    }

    /** A tab titled {@code text} whose content {@code content} makes when it is first selected. */
    public static Tab of(String text, Supplier<? extends Node> content) {
        Objects.requireNonNull(content, "content");
        Tab tab = new Tab(text);
        tab.selectedProperty().addListener((obs, was, is) -> {
            if (is && tab.getContent() == null) {
                tab.setContent(content.get());
            }
        });
        return tab;
    }
}
