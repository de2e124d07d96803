package org.sanlian.workbench.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Observation;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.io.csv.DataCsvReader;
import org.sanlian.workbench.core.model.BackupFile;
import org.sanlian.workbench.store.FigureRepository;
import org.sanlian.workbench.store.ImportBatches;
import org.sanlian.workbench.core.model.StoredScheme;
import org.sanlian.workbench.store.TargetRepository;

/**
 * Imports data or targets files (FORMATS.md) into the database, all or nothing: every file is read
 * and checked first, every problem of every file is reported at once, and nothing is written unless
 * all are sound. Then a backup is taken and all files are written in one transaction, one import
 * batch per file. A folder stands for the {@code .csv} files in it.
 */
public final class ImportService {

    /** What was imported. */
    public enum Kind { DATA, TARGETS }

    /** One file's outcome: rows read and rows that changed the database. */
    public record FileReport(Path file, int rows, int changed) {
    }

    /** The whole import: each file's outcome and the backup taken before it. */
    public record Report(List<FileReport> files, BackupFile backup) {
        public int rows() {
            return files.stream().mapToInt(FileReport::rows).sum();
        }

        public int changed() {
            return files.stream().mapToInt(FileReport::changed).sum();
        }
    }

    private ImportService() {
    }

    /**
     * Imports {@code paths} (files or folders) checked against the scheme of {@code schemeYear}, or
     * against the latest kept scheme when none is given.
     */
    public static Report importFiles(WorkbenchDatabase db, Kind kind, List<Path> paths, Optional<Integer> schemeYear,
                                     String operator) {
        db.requireWritable();
        List<StoredScheme> schemes = db.schemes();
        if (schemes.isEmpty()) {
            throw new ValidationException(Issue.of(db.file().toString(), "store.no-scheme", db.file()));
        }
        StoredScheme stored = schemeYear.isPresent()
                ? schemes.stream().filter(s -> s.year() == schemeYear.get()).findFirst().orElseThrow(() ->
                        new ValidationException(Issue.of("--scheme", "store.no-scheme-for-year", schemeYear.get())))
                : schemes.get(schemes.size() - 1);
        Scheme scheme = db.scheme(stored);

        List<Issue> issues = new ArrayList<>();
        List<Path> files = expand(paths, issues);
        List<DataSet> read = new ArrayList<>();
        Map<String, String> firstFile = new HashMap<>();
        for (Path file : files) {
            try {
                DataSet set = kind == Kind.DATA ? DataCsvReader.readData(file, scheme)
                        : DataCsvReader.readTargets(file, scheme);
                read.add(set);
                for (Observation o : set.observations()) {
                    String key = o.period() + "\u0000" + o.unit() + "\u0000" + o.code();
                    String earlier = firstFile.putIfAbsent(key, file.toString());
                    if (earlier != null) {
                        issues.add(Issue.of(file.toString(), "import.duplicate-across-files", o.period(), o.unit(),
                                o.code(), earlier));
                    }
                }
            } catch (ValidationException e) {
                issues.addAll(e.issues());
            }
        }
        if (!issues.isEmpty()) {
            throw new ValidationException(issues);
        }

        BackupFile backup = db.backup("before-import");
        List<FileReport> reports = db.database().write(operator, c -> {
            List<FileReport> out = new ArrayList<>();
            String now = db.database().now();
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                String source = file.getFileName().toString();
                List<Observation> rows = read.get(i).observations();
                ImportBatches.Kind batchKind = kind == Kind.DATA ? ImportBatches.Kind.DATA : ImportBatches.Kind.TARGETS;
                long batch = ImportBatches.open(c, batchKind, file.toAbsolutePath().toString(), operator, now);
                int changed = kind == Kind.DATA ? FigureRepository.upsert(c, rows, source, batch, operator, now)
                        : TargetRepository.upsert(c, rows, source, batch, operator, now);
                ImportBatches.close(c, batch, changed);
                out.add(new FileReport(file, rows.size(), changed));
            }
            return out;
        });
        return new Report(reports, backup);
    }

    /** Files as given; a folder stands for its {@code .csv} files, by name. Problems go to {@code issues}. */
    static List<Path> expand(List<Path> paths, List<Issue> issues) {
        List<Path> out = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.list(path)) {
                    List<Path> csv = files.filter(p -> isCsv(p) && Files.isRegularFile(p)).sorted().toList();
                    if (csv.isEmpty()) {
                        issues.add(Issue.of(path.toString(), "import.empty-folder", path));
                    }
                    out.addAll(csv);
                } catch (IOException e) {
                    issues.add(Issue.of(path.toString(), "file.unreadable", path, String.valueOf(e.getMessage())));
                }
            } else if (!Files.exists(path)) {
                issues.add(Issue.of(path.toString(), "import.missing-file", path));
            } else if (!isCsv(path)) {
                issues.add(Issue.of(path.toString(), "import.unsupported-format", path));
            } else {
                out.add(path);
            }
        }
        return out;
    }

    private static boolean isCsv(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }
}
