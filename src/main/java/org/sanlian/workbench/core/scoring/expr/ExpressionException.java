package org.sanlian.workbench.core.scoring.expr;

import java.util.List;

/**
 * A derived expression that cannot be read. {@code position} is the 0-based character index of the
 * problem; {@code code} names it for the message bundle ({@code issue.expr.*}).
 */
public final class ExpressionException extends RuntimeException {

    private final int position;
    private final String code;
    private final transient List<String> args;

    public ExpressionException(int position, String code, String... args) {
        super(code + " at " + position + (args.length == 0 ? "" : " " + List.of(args)));
        this.position = position;
        this.code = code;
        this.args = List.of(args);
    }

    public int position() {
        return position;
    }

    public String code() {
        return code;
    }

    public List<String> args() {
        return args;
    }
}
