package org.sanlian.workbench.app;

import java.nio.file.Path;

import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.io.scheme.SchemeReader;
import org.sanlian.workbench.io.scheme.SchemeWriter;

/**
 * Scheme files (FORMATS.md, {@code *.scheme.json}) for the window: read with every check of the
 * format (issues name the file and the field path), and written as the command line writes them.
 */
public final class SchemeFiles {

    private SchemeFiles() {
    }

    /** @throws org.sanlian.workbench.core.check.ValidationException with every issue of the file */
    public static Scheme read(Path file) {
        return SchemeReader.read(file);
    }

    /** @throws org.sanlian.workbench.core.check.ValidationException when the file cannot be written */
    public static void write(Scheme scheme, Path file) {
        SchemeWriter.write(scheme, file);
    }
}
