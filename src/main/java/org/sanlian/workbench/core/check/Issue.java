package org.sanlian.workbench.core.check;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One problem found in a scheme, a data file or a request: where it is (a field path such as
 * {@code tree[0].children[3].rule.cap}, or {@code file:line:column}), a code that names what is
 * wrong, and the arguments of the message. The sentence a person reads is looked up by the code
 * at the edge ({@code issue.<code>} in the message bundle), never written here.
 */
public record Issue(String where, String code, List<String> args) {

    public Issue {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
    }

    public static Issue of(String where, String code, Object... args) {
        return new Issue(where, code, Arrays.stream(args).map(String::valueOf).toList());
    }

    @Override
    public String toString() {
        return where + ": " + code + (args.isEmpty() ? "" : " " + args);
    }
}
