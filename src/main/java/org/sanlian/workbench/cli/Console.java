package org.sanlian.workbench.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.sanlian.workbench.i18n.Messages;

/**
 * Standard output and error in an encoding that shows Chinese: the console's own where Java knows it
 * (Windows), UTF-8 otherwise, never the platform default that may be ASCII or GBK.
 */
final class Console {

    private static PrintStream out = stream(System.out, "sun.stdout.encoding");
    private static PrintStream err = stream(System.err, "sun.stderr.encoding");

    private Console() {
    }

    /**
     * The text encoded here, the bytes written through {@code to} (the process's standard stream, or
     * whatever it was set to: a test runner's capture).
     */
    private static PrintStream stream(OutputStream to, String property) {
        Charset cs = StandardCharsets.UTF_8;
        String name = System.getProperty(property);
        if (name != null) {
            try {
                cs = Charset.forName(name);
            } catch (RuntimeException ignored) {
                // keep UTF-8
            }
        }
        return new PrintStream(to, true, cs);
    }

    /** For tests: capture what the commands print. */
    static void redirect(PrintStream newOut, PrintStream newErr) {
        out = newOut;
        err = newErr;
    }

    static PrintStream outStream() {
        return out;
    }

    static PrintStream errStream() {
        return err;
    }

    static void out(String line) {
        out.println(line);
    }

    static void err(String line) {
        err.println(line);
    }

    static String text(String key, Object... args) {
        return Messages.get().text(key, args);
    }
}
