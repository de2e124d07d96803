package org.sanlian.workbench.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.store.Backups;
import org.sanlian.workbench.store.SettingRepository;

/**
 * The settings a database keeps for everyone who works on it (设置): who is working (the
 * {@value WorkbenchDatabase#OPERATOR} setting the File menu's 操作员 also changes), how many backups
 * to keep ({@value WorkbenchDatabase#BACKUPS_KEPT}, read when the next backup is pruned) and the
 * issuing office printed on exports ({@value ExportService#ISSUER_SETTING}). Saved together in one
 * audited transaction.
 */
public final class SettingsService {

    /** The fewest and the most backups one may keep. */
    public static final int MIN_BACKUPS = 1;
    public static final int MAX_BACKUPS = 365;

    /** The settings as the 设置 screen shows them; {@code issuer} is blank when the bundle's default is used. */
    public record Settings(String operator, int backupsKept, String issuer) {
        public Settings {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(issuer, "issuer");
        }
    }

    private SettingsService() {
    }

    /** The database's settings; a missing or unreadable count of backups reads as the default. */
    public static Settings load(WorkbenchDatabase db) {
        return db.database().read(c -> {
            String operator = SettingRepository.get(c, WorkbenchDatabase.OPERATOR).map(String::strip).orElse("");
            int kept = SettingRepository.get(c, WorkbenchDatabase.BACKUPS_KEPT).flatMap(SettingsService::count)
                    .orElse(Backups.DEFAULT_KEEP);
            String issuer = SettingRepository.get(c, ExportService.ISSUER_SETTING).map(String::strip).orElse("");
            return new Settings(operator, kept, issuer);
        });
    }

    /**
     * What is wrong with {@code s}, one issue per field: {@code where} is the setting's key
     * (operator: blank; backups kept: outside {@value #MIN_BACKUPS} to {@value #MAX_BACKUPS}).
     */
    public static List<Issue> check(Settings s) {
        List<Issue> out = new ArrayList<>();
        if (s.operator().isBlank()) {
            out.add(Issue.of(WorkbenchDatabase.OPERATOR, "store.operator-blank"));
        }
        if (s.backupsKept() < MIN_BACKUPS || s.backupsKept() > MAX_BACKUPS) {
            out.add(Issue.of(WorkbenchDatabase.BACKUPS_KEPT, "settings.backups-range", s.backupsKept(), MIN_BACKUPS,
                    MAX_BACKUPS));
        }
        return out;
    }

    /**
     * Keeps {@code s} in one transaction recorded under {@code by} (the operator before the change);
     * an unchanged setting is not written (and leaves no audit line); a blank issuer removes the
     * setting, so exports use the bundle's default. Refused with the issues of {@link #check}.
     */
    public static void save(WorkbenchDatabase db, Settings s, String by) {
        List<Issue> problems = check(s);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        db.requireWritable();
        String operator = s.operator().strip();
        String writer = by == null || by.isBlank() ? operator : by;
        db.database().write(writer, c -> {
            SettingRepository.put(c, WorkbenchDatabase.OPERATOR, operator);
            SettingRepository.put(c, WorkbenchDatabase.BACKUPS_KEPT, Integer.toString(s.backupsKept()));
            if (s.issuer().isBlank()) {
                SettingRepository.remove(c, ExportService.ISSUER_SETTING);
            } else {
                SettingRepository.put(c, ExportService.ISSUER_SETTING, s.issuer().strip());
            }
            return null;
        });
    }

    private static Optional<Integer> count(String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
