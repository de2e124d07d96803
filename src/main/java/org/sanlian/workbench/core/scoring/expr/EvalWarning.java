package org.sanlian.workbench.core.scoring.expr;

/** Why a derived value is missing; the text is the REASON of a {@code warning:CODE:REASON} flag. */
public enum EvalWarning {
    DIVISION_BY_ZERO("division-by-zero"),
    MISSING_OPERAND("missing-operand");

    private final String reason;

    EvalWarning(String reason) {
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
