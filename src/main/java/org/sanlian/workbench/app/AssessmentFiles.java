package org.sanlian.workbench.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.io.csv.DataCsvReader;
import org.sanlian.workbench.io.data.FileProblems;
import org.sanlian.workbench.io.scheme.SchemeReader;

/**
 * Loads an assessment from the files of FORMATS.md (scheme JSON, data CSV, optional targets CSV),
 * or the demo assessment shipped as resources: the default 三链 scheme with simulated data.
 */
public final class AssessmentFiles {

    public static final String DEFAULT_SCHEME = "/org/sanlian/workbench/schemes/sanlian-2025.scheme.json";
    public static final String DEMO_DATA = "/org/sanlian/workbench/demo/data.csv";
    public static final String DEMO_TARGETS = "/org/sanlian/workbench/demo/targets.csv";

    private AssessmentFiles() {
    }

    public static Assessment load(Path scheme, Path data, Optional<Path> targets) {
        Scheme s = SchemeReader.read(scheme);
        DataSet d = DataCsvReader.readData(data, s);
        DataSet t = targets.isPresent() ? DataCsvReader.readTargets(targets.get(), s) : DataSet.empty();
        return new Assessment(s, d, t, false);
    }

    /** The default scheme (sanlian-2025) as shipped. */
    public static Scheme defaultScheme() {
        try (InputStream in = resource(DEFAULT_SCHEME)) {
            return SchemeReader.read(in, "sanlian-2025.scheme.json");
        } catch (IOException e) {
            throw unreadable(DEFAULT_SCHEME, e);
        }
    }

    /** The default scheme with the simulated demo data (示例数据) for 2023–2025. */
    public static Assessment demo() {
        Scheme s = defaultScheme();
        return new Assessment(s, readResource(DEMO_DATA, s, false), readResource(DEMO_TARGETS, s, true), true);
    }

    private static DataSet readResource(String name, Scheme scheme, boolean targets) {
        try (InputStream in = resource(name)) {
            String file = name.substring(name.lastIndexOf('/') + 1);
            return targets ? DataCsvReader.readTargets(in, file, scheme) : DataCsvReader.readData(in, file, scheme);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = AssessmentFiles.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing resource " + name);
        }
        return in;
    }

    private static ValidationException unreadable(String name, IOException e) {
        return FileProblems.unreadable(name, e);
    }
}
