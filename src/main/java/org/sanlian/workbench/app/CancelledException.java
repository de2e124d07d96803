package org.sanlian.workbench.app;

/** The user stopped the work through its {@link Progress}; whatever it had done was undone. */
public final class CancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("cancelled");
    }
}
