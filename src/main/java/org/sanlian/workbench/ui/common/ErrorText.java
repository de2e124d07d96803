package org.sanlian.workbench.ui.common;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.i18n.Messages;

/** A failure as a person reads it: a validation's issues as sentences from the bundle, one a line; anything else named briefly. */
public final class ErrorText {

    private ErrorText() {
    }

    public static String of(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ValidationException) {
            return ((ValidationException) t).issues().stream().map(Messages.get()::describe)
                    .collect(Collectors.joining("\n"));
        }
        return Messages.get().text("ui.error.unexpected", t.getClass().getSimpleName() + ": " + t.getMessage());
    }

    /** Whether {@code e} is a validation that reports {@code code}. */
    public static boolean hasCode(Throwable e, String code) {
        return e instanceof ValidationException
                && ((ValidationException) e).issues().stream().anyMatch(i -> i.code().equals(code));
    }
}
