package org.sanlian.workbench.core.model;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * An inner node of the tree (维度). In POINTS its weight may be left out; where given it
 * must equal the sum of its children's full points.
 */
public record Dimension(String code, String name, OptionalDouble weight, List<Node> children) implements Node {

    public Dimension {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(weight, "weight");
        children = List.copyOf(children);
    }
}
