package org.sanlian.workbench.core.model;

/** A node of the indicator tree: a {@link Dimension} (inner node) or an {@link Indicator} (leaf). */
public sealed interface Node permits Dimension, Indicator {
    String code();

    String name();
}
