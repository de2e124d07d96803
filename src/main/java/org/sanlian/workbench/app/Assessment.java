package org.sanlian.workbench.app;

import java.util.Objects;

import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Scheme;

/**
 * What one assessment is scored from: the scheme, the figures, the targets (commitments and zone
 * targets), and whether the figures are simulated (示例数据), which every screen and export shows.
 */
public record Assessment(Scheme scheme, DataSet data, DataSet targets, boolean simulated) {
    public Assessment {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(targets, "targets");
    }
}
