package org.sanlian.workbench.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.Observation;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.StoredScheme;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.io.excel.TemplateSpec;
import org.sanlian.workbench.io.excel.TemplateWriter;
import org.sanlian.workbench.store.FigureRepository;
import org.sanlian.workbench.store.SettingRepository;

/**
 * Fill-in templates (填报模板): one workbook per unit for a period, signed with the database's
 * template key so that a returned template can write only its own unit's figures for its own
 * period and scheme (docs/templates.md). The key is made with {@link SecureRandom} the first time
 * templates are generated and kept as the setting {@link #KEY_SETTING}.
 */
public final class TemplateService {

    /** The setting that keeps the template key (32 random bytes, Base64). */
    public static final String KEY_SETTING = "template.key";

    private static final int KEY_BYTES = 32;

    /** One template written. */
    public record Written(Unit unit, Path file) {
    }

    /** What was generated: the period, the scheme used, and one file per unit. */
    public record Outcome(Period period, String schemeCode, int schemeYear, List<Written> files, boolean keyCreated) {
        public Outcome {
            files = List.copyOf(files);
        }
    }

    private TemplateService() {
    }

    /**
     * Writes the templates of {@code period} into {@code folder} for the chosen units (all the
     * scheme's units when none is chosen), with the scheme that scores the period (or the scheme of
     * {@code schemeYear}). Every problem is reported before anything is written.
     */
    public static Outcome generate(WorkbenchDatabase db, Period period, Optional<Integer> schemeYear, List<String> units,
                                   Path folder, String operator) {
        return generate(db, period, schemeYear, units, folder, operator, Progress.NONE);
    }

    /**
     * As {@link #generate(WorkbenchDatabase, Period, Optional, List, Path, String)}, telling
     * {@code progress} of each template. When it asks to stop, the templates written so far are
     * removed again and {@link CancelledException} is thrown (a key made on the way is kept).
     */
    public static Outcome generate(WorkbenchDatabase db, Period period, Optional<Integer> schemeYear, List<String> units,
                                   Path folder, String operator, Progress progress) {
        StoredScheme stored = db.schemeFor(period, schemeYear);
        Scheme scheme = db.scheme(stored);
        List<Issue> issues = new ArrayList<>();
        if (scheme.periodKind() != period.kind()) {
            issues.add(Issue.of("--period", "score.period-kind", period, scheme.periodKind()));
        }
        List<Unit> chosen = new ArrayList<>();
        if (units.isEmpty()) {
            chosen.addAll(scheme.units());
        } else {
            for (String code : units) {
                Optional<Unit> unit = scheme.unit(code.strip());
                if (unit.isEmpty()) {
                    issues.add(Issue.of("--unit", "template.unknown-unit", code, stored.year(),
                            String.join(", ", scheme.units().stream().map(Unit::code).toList())));
                } else if (!chosen.contains(unit.get())) {
                    chosen.add(unit.get());
                }
            }
        }
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            issues.add(Issue.of(folder.toString(), "template.out-not-folder", folder));
        }
        if (!issues.isEmpty()) {
            throw new ValidationException(issues);
        }
        boolean created = existingKey(db).isEmpty();
        byte[] key = key(db, operator);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new ValidationException(Issue.of(folder.toString(), "file.unwritable", folder,
                    String.valueOf(e.getMessage())));
        }
        Map<String, Map<String, Double>> previous = previous(db, period.previous());
        String now = db.database().now();
        List<Written> written = new ArrayList<>();
        try {
            for (Unit unit : chosen) {
                progress.stopIfCancelled();
                progress.update(new Progress.Step(Progress.Phase.TEMPLATES, written.size(), chosen.size(), unit.name(),
                        0));
                Path file = folder.resolve(fileName(period, unit));
                TemplateSpec spec = new TemplateSpec(scheme, stored.year(), period, unit,
                        previous.getOrDefault(unit.code(), Map.of()));
                TemplateWriter.write(spec, key, now, file);
                written.add(new Written(unit, file));
            }
            progress.stopIfCancelled();
        } catch (CancelledException e) {
            for (Written w : written) {
                try {
                    Files.deleteIfExists(w.file());
                } catch (IOException ignored) {
                    // left for the user: the folder is theirs
                }
            }
            throw e;
        }
        progress.update(new Progress.Step(Progress.Phase.TEMPLATES, written.size(), chosen.size(), "", 0));
        return new Outcome(period, scheme.code(), stored.year(), written, created);
    }

    /** {@code 2025_331102_莲都区_填报模板.xlsx}, with characters Windows forbids in names replaced. */
    static String fileName(Period period, Unit unit) {
        String name = Messages.get().text("excel.template.file-name", period.toString(), unit.code(), unit.name());
        return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
    }

    /** The template key kept in the database, if templates were ever generated from it. */
    static Optional<byte[]> existingKey(WorkbenchDatabase db) {
        Optional<String> text = db.database().read(c -> SettingRepository.get(c, KEY_SETTING));
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] key = Base64.getDecoder().decode(text.get().strip());
            if (key.length < 16) {
                throw new IllegalArgumentException("too short");
            }
            return Optional.of(key);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(Issue.of(db.file().toString(), "template.bad-key", KEY_SETTING));
        }
    }

    /** The key, made and kept on first use (a write, audited as a setting whose value is not shown). */
    private static byte[] key(WorkbenchDatabase db, String operator) {
        Optional<byte[]> existing = existingKey(db);
        if (existing.isPresent()) {
            return existing.get();
        }
        db.requireWritable();
        byte[] fresh = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(fresh);
        String text = Base64.getEncoder().encodeToString(fresh);
        String kept = db.database().write(operator, c -> {
            Optional<String> now = SettingRepository.get(c, KEY_SETTING);
            if (now.isPresent()) {
                return now.get();
            }
            SettingRepository.put(c, KEY_SETTING, text);
            return text;
        });
        return Base64.getDecoder().decode(kept);
    }

    /** Each unit's figures of a period, by code (only figures with a value). */
    private static Map<String, Map<String, Double>> previous(WorkbenchDatabase db, Period period) {
        List<Observation> figures = db.database().read(c -> FigureRepository.load(c, List.of(period)));
        Map<String, Map<String, Double>> out = new HashMap<>();
        for (Observation o : figures) {
            if (o.value().isPresent()) {
                out.computeIfAbsent(o.unit(), u -> new HashMap<>()).put(o.code(), o.value().getAsDouble());
            }
        }
        return out;
    }
}
