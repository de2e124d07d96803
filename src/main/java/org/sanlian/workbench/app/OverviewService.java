package org.sanlian.workbench.app;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.BackupFile;
import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Input;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.core.model.Zone;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.core.scoring.UnitResult;

/**
 * 总览: reads and scores a period once and gathers what the overview shows (see {@link Overview}).
 * The city targets' progress comes from {@link CityTargetService}, as the 目标进度 screen shows it.
 */
public final class OverviewService {

    /** A backup older than this is a warning. */
    public static final Duration BACKUP_AGE = Duration.ofDays(7);

    private OverviewService() {
    }

    /**
     * The overview of {@code period} scored with the scheme of {@code year} (else the period's own),
     * with {@code perZone} units from each end of every zone; {@code now} dates the backup warning.
     */
    public static Overview load(WorkbenchDatabase db, Period period, Optional<Integer> year, ScoringService scoring,
                                int perZone, LocalDateTime now) {
        Assessment a = db.assessment(period, year);
        Scheme scheme = a.scheme();
        Optional<PeriodResult> result = Optional.empty();
        List<Issue> issues = List.of();
        try {
            result = Optional.of(scoring.score(a, period));
        } catch (ValidationException e) {
            issues = e.issues();
        }
        List<Overview.InputFill> inputs = new ArrayList<>();
        List<Overview.UnitGaps> gaps = new ArrayList<>();
        fill(scheme, a.data(), period, inputs, gaps);
        List<Overview.Warning> warnings = new ArrayList<>();
        if (result.isEmpty()) {
            warnings.add(new Overview.Warning(Overview.Kind.NOT_SCORED, List.of()));
        } else {
            List<UnitResult> flagged = result.get().rows().stream().filter(r -> !r.flags().isEmpty()).toList();
            if (!flagged.isEmpty()) {
                int flags = flagged.stream().mapToInt(r -> r.flags().size()).sum();
                warnings.add(new Overview.Warning(Overview.Kind.SCORING_FLAGS,
                        List.of(Integer.toString(flagged.size()), Integer.toString(flags))));
            }
        }
        int missing = gaps.stream().mapToInt(g -> g.missing().size()).sum();
        if (missing > 0) {
            warnings.add(new Overview.Warning(Overview.Kind.MISSING_FIGURES,
                    List.of(Integer.toString(missing), Integer.toString(gaps.size()))));
        }
        List<PeriodSummary> summaries = db.periodSummaries();
        List<String> empty = summaries.stream().filter(s -> s.figures() == 0).map(s -> s.period().toString()).toList();
        if (!empty.isEmpty()) {
            warnings.add(new Overview.Warning(Overview.Kind.EMPTY_PERIODS, List.of(String.join("、", empty))));
        }
        boolean published = summaries.stream().anyMatch(s -> s.period().equals(period) && s.published());
        if (!published && a.data().hasValues(period)) {
            warnings.add(new Overview.Warning(Overview.Kind.NOT_PUBLISHED, List.of()));
        }
        Optional<BackupFile> backup = db.lastBackup();
        if (backup.isEmpty()) {
            warnings.add(new Overview.Warning(Overview.Kind.NO_BACKUP, List.of()));
        } else if (Duration.between(backup.get().takenAt(), now).compareTo(BACKUP_AGE) > 0) {
            warnings.add(new Overview.Warning(Overview.Kind.OLD_BACKUP, List.of(
                    backup.get().takenAt().toLocalDate().toString(),
                    Long.toString(Duration.between(backup.get().takenAt(), now).toDays()))));
        }
        return new Overview(period, scheme, a.simulated(), result, issues,
                result.map(r -> zoneEnds(scheme, r, perZone)).orElse(List.of()), inputs, gaps, warnings,
                CityTargetService.load(db, a, period, year).rows());
    }

    /** Each zone of the scheme with its best and last {@code perZone} units by zone rank. */
    static List<Overview.ZoneEnds> zoneEnds(Scheme scheme, PeriodResult result, int perZone) {
        Map<String, List<UnitResult>> byZone = result.rows().stream()
                .collect(Collectors.groupingBy(r -> r.zone().code()));
        List<Overview.ZoneEnds> out = new ArrayList<>();
        for (Zone zone : scheme.zones()) {
            List<UnitResult> rows = new ArrayList<>(byZone.getOrDefault(zone.code(), List.of()));
            rows.sort(Comparator.comparingInt(UnitResult::zoneRank)); // stable: keeps the engine's tie order
            int n = Math.min(perZone, rows.size());
            int from = Math.max(n, rows.size() - perZone); // a small zone's tail does not repeat its head
            out.add(new Overview.ZoneEnds(zone, rows.subList(0, n), rows.subList(from, rows.size()), rows.size()));
        }
        return out;
    }

    /** Per input, the units with a figure; per unit, the inputs without one. */
    static void fill(Scheme scheme, DataSet data, Period period, List<Overview.InputFill> inputs,
                     List<Overview.UnitGaps> gaps) {
        List<Unit> units = scheme.units();
        for (Input input : scheme.inputs()) {
            int filled = (int) units.stream().filter(u -> data.value(period, u.code(), input.code()).isPresent())
                    .count();
            inputs.add(new Overview.InputFill(input, filled, units.size()));
        }
        for (Unit unit : units) {
            List<Input> missing = scheme.inputs().stream()
                    .filter(i -> data.value(period, unit.code(), i.code()).isEmpty()).toList();
            if (!missing.isEmpty()) {
                gaps.add(new Overview.UnitGaps(unit, missing));
            }
        }
    }
}
