package org.sanlian.workbench.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;

/** The build's version (from {@code version.properties}, which Maven fills in), for About and {@code --version}. */
public final class AppInfo {

    private static final String RESOURCE = "/org/sanlian/workbench/version.properties";

    private AppInfo() {
    }

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}; empty when the build did not fill it in. */
    public static Optional<String> version() {
        try (InputStream in = AppInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "").strip();
            return v.isEmpty() || v.startsWith("${") ? Optional.empty() : Optional.of(v);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
