package org.sanlian.workbench.core.scoring;

import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Scheme;

/**
 * The scoring engine of SCORING.md: compiles a scheme once and opens sessions over a data set and
 * its targets. A session scores and ranks periods; the bottom list ({@code core.bottom}) and the
 * sensitivity analysis ({@code core.sensitivity}) build on it. Thread-safe; sessions are not.
 */
public final class ScoringEngine {

    private final CompiledScheme compiled;

    /** @throws org.sanlian.workbench.core.check.ValidationException if the scheme cannot be compiled */
    public ScoringEngine(Scheme scheme) {
        this.compiled = new CompiledScheme(scheme);
    }

    public Scheme scheme() {
        return compiled.scheme;
    }

    public ScoringSession session(DataSet data, DataSet targets) {
        return new ScoringSession(compiled, data, targets);
    }
}
