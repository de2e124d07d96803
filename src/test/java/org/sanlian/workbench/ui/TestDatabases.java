package org.sanlian.workbench.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

import org.sanlian.workbench.app.AssessmentFiles;
import org.sanlian.workbench.app.ImportService;
import org.sanlian.workbench.app.WorkbenchDatabase;

/** Workbench databases for the window's tests, in a test's temporary folder. */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** The demo database (the default scheme for 2023–2025, simulated figures 2022–2025) with an operator. */
    public static Path demo(Path file, String operator) {
        try (WorkbenchDatabase db = WorkbenchDatabase.openOrCreateDemo(file, "tester")) {
            db.setOperator(operator, "tester");
        }
        return file;
    }

    /**
     * The default scheme as the 2025 scheme, with the demo figures and targets imported from data
     * files as an office would import its own (so they are not marked simulated), with an operator.
     */
    public static Path imported(Path file, String operator) {
        Path folder = file.toAbsolutePath().getParent();
        Path data = folder.resolve("data.csv");
        Path targets = folder.resolve("targets.csv");
        try {
            Files.createDirectories(folder);
            copy(AssessmentFiles.DEMO_DATA, data);
            copy(AssessmentFiles.DEMO_TARGETS, targets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (WorkbenchDatabase db = WorkbenchDatabase.open(file)) {
            db.initScheme(AssessmentFiles.defaultScheme(), 2025, "tester");
            ImportService.importFiles(db, ImportService.Kind.DATA, List.of(data), Optional.empty(), "tester");
            ImportService.importFiles(db, ImportService.Kind.TARGETS, List.of(targets), Optional.empty(), "tester");
            db.setOperator(operator, "tester");
        }
        return file;
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = TestDatabases.class.getResourceAsStream(resource)) {
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
