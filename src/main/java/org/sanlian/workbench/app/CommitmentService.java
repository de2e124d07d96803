package org.sanlian.workbench.app;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.model.Direction;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Input;
import org.sanlian.workbench.core.model.Method;
import org.sanlian.workbench.core.model.Observation;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.StoredScheme;
import org.sanlian.workbench.core.model.TargetSource;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.io.data.FigureRows;
import org.sanlian.workbench.io.excel.LenientNumber;
import org.sanlian.workbench.store.TargetRepository;

/**
 * Public commitments (公开承诺): each unit's target for each indicator that takes its target from
 * the unit's commitment, in one period; how a typed or pasted target is read and checked; how far
 * each commitment was kept, against the unit's value as the scoring engine computes it; and the
 * targets saved in one audited transaction.
 */
public final class CommitmentService {

    /** The source recorded on targets typed or pasted in the window. */
    public static final String SOURCE = "公开承诺（工作台录入）";

    /** One cell of a grid: its subject (a unit's code, or a zone's for a zone target) and an indicator code. */
    public record Key(String unit, String code) {
        public Key {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(code, "code");
        }
    }

    /** A row of a targets grid: a unit, or a zone for zone targets; the name names it in a problem. */
    public record Subject(String code, String name) {
        public Subject {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
        }

        public static List<Subject> ofUnits(List<Unit> units) {
            return units.stream().map(u -> new Subject(u.code(), u.name())).toList();
        }
    }

    /** The cells of one grid as saved, and the source recorded on the targets written for them. */
    public record Part(Collection<Key> grid, String source) {
        public Part {
            grid = List.copyOf(grid);
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * A period's commitments: the scheme that scores the period (and its year), its units, the
     * indicators that take commitments, the targets kept, and the units' values of those indicators
     * as scored ({@code hasFigures} false when the period holds no figures yet: nothing to compare).
     */
    public record Sheet(Period period, int schemeYear, Scheme scheme, List<Unit> units, List<Indicator> indicators,
                        Map<Key, Double> targets, Map<Key, Double> actuals, boolean hasFigures) {
        public Sheet {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(scheme, "scheme");
            units = List.copyOf(units);
            indicators = List.copyOf(indicators);
            targets = Map.copyOf(targets);
            actuals = Map.copyOf(actuals);
        }

        public Optional<Indicator> indicator(String code) {
            return indicators.stream().filter(i -> i.code().equals(code)).findFirst();
        }

        public Optional<Unit> unit(String code) {
            return units.stream().filter(u -> u.code().equals(code)).findFirst();
        }
    }

    /** A target as read from text: its value (empty: no target), or the problem that refuses it. */
    public record Reading(OptionalDouble value, Optional<Issue> problem) {
        public boolean ok() {
            return problem.isEmpty();
        }
    }

    /** How far a commitment was kept: the completion in percent (the rule's ratio) and whether it was met. */
    public record Keeping(double percent, boolean kept) {
    }

    /** The targets of an earlier period, to carry over (沿用上期): that period and its targets of a grid's cells. */
    public record Earlier(Period period, Map<Key, Double> targets) {
        public Earlier {
            Objects.requireNonNull(period, "period");
            targets = Map.copyOf(targets);
        }
    }

    /**
     * What 沿用上期 puts into a grid: the earlier targets of its empty cells that the period's scheme
     * accepts, and why the others are not taken (a bound or rule of the scheme that changed).
     */
    public record Carried(Map<Key, Double> targets, List<Issue> refused) {
        public Carried {
            targets = Map.copyOf(targets);
            refused = List.copyOf(refused);
        }
    }

    private CommitmentService() {
    }

    /**
     * The targets of the latest period before {@code period} of the same kind that has a target for
     * any cell of the grid (a unit of {@code units} by an indicator of {@code indicators}), limited
     * to those cells; empty when no earlier period of that kind has one.
     */
    public static Optional<Earlier> earlier(WorkbenchDatabase db, Period period, List<Unit> units,
                                            List<Indicator> indicators) {
        return earlier(db, period, keys(Subject.ofUnits(units), indicators));
    }

    /** The cells of a grid of {@code rows} by {@code indicators}. */
    public static List<Key> keys(List<Subject> rows, List<Indicator> indicators) {
        List<Key> out = new ArrayList<>();
        for (Subject r : rows) {
            for (Indicator i : indicators) {
                out.add(new Key(r.code(), i.code()));
            }
        }
        return out;
    }

    /**
     * The targets of the latest period before {@code period} of the same kind that has a target for
     * any of {@code cells} (a unit's or a zone's), limited to those cells; empty when there is none.
     */
    public static Optional<Earlier> earlier(WorkbenchDatabase db, Period period, Collection<Key> cells) {
        java.util.Set<Key> grid = new java.util.HashSet<>(cells);
        return db.database().read(c -> {
            List<Period> before = new ArrayList<>(TargetRepository.periods(c).stream()
                    .filter(p -> p.kind() == period.kind() && p.compareTo(period) < 0).toList());
            java.util.Collections.reverse(before);
            for (Period p : before) {
                Map<Key, Double> targets = new HashMap<>();
                for (Observation o : TargetRepository.load(c, List.of(p))) {
                    Key k = new Key(o.unit(), o.code());
                    if (grid.contains(k) && o.value().isPresent()) {
                        targets.put(k, o.value().getAsDouble());
                    }
                }
                if (!targets.isEmpty()) {
                    return Optional.of(new Earlier(p, targets));
                }
            }
            return Optional.<Earlier>empty();
        });
    }

    /**
     * The earlier targets for the cells of {@code sheet} that have no target in {@code current}
     * (a target there, typed or kept, is never overwritten), each checked as a typed target is
     * ({@link #read}) against the scheme that scores the sheet's period.
     */
    public static Carried carry(Sheet sheet, Earlier earlier, Map<Key, Double> current) {
        return carry(sheet.scheme(), Subject.ofUnits(sheet.units()), sheet.indicators(), earlier, current);
    }

    /**
     * As {@link #carry(Sheet, Earlier, Map)} for a grid of {@code rows} (units or zones) by
     * {@code indicators}, each target checked against {@code scheme}.
     */
    public static Carried carry(Scheme scheme, List<Subject> rows, List<Indicator> indicators, Earlier earlier,
                                Map<Key, Double> current) {
        Map<Key, Double> out = new LinkedHashMap<>();
        List<Issue> refused = new ArrayList<>();
        for (Subject u : rows) {
            for (Indicator i : indicators) {
                Key k = new Key(u.code(), i.code());
                Double v = earlier.targets().get(k);
                if (v == null || current.containsKey(k)) {
                    continue;
                }
                Reading r = read(scheme, i, FigureRows.plain(v), u.name() + " · " + i.name());
                if (r.ok()) {
                    out.put(k, r.value().getAsDouble());
                } else {
                    refused.add(r.problem().get());
                }
            }
        }
        return new Carried(out, refused);
    }

    /** The indicators whose target is the unit's commitment, in the scheme's order. */
    public static List<Indicator> indicators(Scheme scheme) {
        return scheme.leaves().stream()
                .filter(l -> l.target().filter(t -> t == TargetSource.COMMITMENT).isPresent())
                .toList();
    }

    /**
     * Reads a period's commitments with the scheme that scores it ({@code schemeYear}'s when given),
     * and, when the period has figures, each unit's value of each such indicator as the engine scores it.
     */
    public static Sheet load(WorkbenchDatabase db, Period period, Optional<Integer> schemeYear,
                             ScoringService scoring) {
        StoredScheme stored = db.schemeFor(period, schemeYear);
        return of(db.assessment(period, Optional.of(stored.year())), stored.year(), period, scoring);
    }

    /** As {@link #load}, from an assessment already read with the scheme of {@code schemeYear}. */
    public static Sheet of(Assessment assessment, int schemeYear, Period period, ScoringService scoring) {
        Scheme scheme = assessment.scheme();
        List<Indicator> indicators = indicators(scheme);
        List<String> codes = indicators.stream().map(Indicator::code).toList();
        Map<Key, Double> targets = new HashMap<>();
        for (Unit u : scheme.units()) {
            for (String code : codes) {
                assessment.targets().value(period, u.code(), code).ifPresent(v -> targets.put(new Key(u.code(), code), v));
            }
        }
        boolean hasFigures = period.kind() == scheme.periodKind() && assessment.data().hasValues(period);
        Map<Key, Double> actuals = new HashMap<>();
        if (hasFigures) {
            scoring.values(assessment, period, codes).forEach((unit, byCode) ->
                    byCode.forEach((code, v) -> actuals.put(new Key(unit, code), v)));
        }
        return new Sheet(period, schemeYear, scheme, scheme.units(), indicators, targets, actuals, hasFigures);
    }

    /**
     * Reads a target typed or pasted as text, as the Excel importer reads numbers (full-width digits
     * and thousands separators accepted), and checks it: a number, not negative, above zero where the
     * rule divides by it (目标完成率), a whole number where the indicator's input counts, and within the
     * input's bounds. Blank text is no target. {@code where} names the cell in a problem.
     */
    public static Reading read(Scheme scheme, Indicator indicator, String text, String where) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return new Reading(OptionalDouble.empty(), Optional.empty());
        }
        Optional<LenientNumber.Parsed> parsed = LenientNumber.parse(t);
        if (parsed.isEmpty()) {
            return refused(Issue.of(where, "commitment.not-a-number", t, indicator.name()));
        }
        double v = parsed.get().value();
        String code = indicator.name();
        if (v < 0) {
            return refused(Issue.of(where, "commitment.negative", code, t));
        }
        if (v == 0 && indicator.rule().method() == Method.TARGET_COMPLETION) {
            return refused(Issue.of(where, "commitment.not-positive", code, t));
        }
        Optional<Input> input = scheme.input(indicator.code());
        if (input.isPresent()) {
            Input in = input.get();
            if ((in.min().isPresent() && v < in.min().getAsDouble())
                    || (in.max().isPresent() && v > in.max().getAsDouble())) {
                return refused(Issue.of(where, "commitment.out-of-bounds", code, t,
                        in.min().isPresent() ? FigureRows.plain(in.min().getAsDouble()) : "-∞",
                        in.max().isPresent() ? FigureRows.plain(in.max().getAsDouble()) : "+∞"));
            }
            if (in.integer() && v != Math.rint(v)) {
                return refused(Issue.of(where, "commitment.not-integer", code, t));
            }
        }
        return new Reading(OptionalDouble.of(v), Optional.empty());
    }

    private static Reading refused(Issue issue) {
        return new Reading(OptionalDouble.empty(), Optional.of(issue));
    }

    /**
     * How far a commitment was kept: the completion ratio of 目标完成率 in percent (value over target,
     * or target over value for an indicator where less is better) and whether the target was met.
     * Empty for a target that is not above zero.
     */
    public static Optional<Keeping> keeping(Indicator indicator, double actual, double target) {
        if (target <= 0) {
            return Optional.empty();
        }
        if (indicator.direction() == Direction.NEGATIVE) {
            boolean kept = actual <= target;
            return Optional.of(new Keeping(actual <= 0 ? 100 : target / actual * 100, kept));
        }
        return Optional.of(new Keeping(actual / target * 100, actual >= target));
    }

    /**
     * Keeps the targets of {@code grid}'s cells in {@code period} as given (a cell without a target in
     * {@code targets} has its target removed), in one transaction recorded under {@code operator};
     * cells left as they were are not touched, so they add nothing to the audit trail. Returns how many
     * targets were added, changed or removed.
     */
    public static int save(WorkbenchDatabase db, Period period, Collection<Key> grid, Map<Key, Double> targets,
                           String operator) {
        return save(db, period, List.of(new Part(grid, SOURCE)), targets, operator);
    }

    /**
     * As {@link #save(WorkbenchDatabase, Period, Collection, Map, String)} for several grids at once
     * (the commitments and the zone targets), all in one transaction, each written with its part's source.
     */
    public static int save(WorkbenchDatabase db, Period period, List<Part> parts, Map<Key, Double> targets,
                           String operator) {
        db.requireWritable();
        Map<Key, Double> wanted = new LinkedHashMap<>(targets);
        return db.database().write(operator, c -> {
            Map<Key, Observation> kept = new HashMap<>();
            for (Observation o : TargetRepository.load(c, List.of(period))) {
                kept.put(new Key(o.unit(), o.code()), o);
            }
            int count = 0;
            for (Part part : parts) {
                List<Observation> changed = new ArrayList<>();
                int removed = 0;
                for (Key k : part.grid()) {
                    Double after = wanted.get(k);
                    Observation before = kept.get(k);
                    if (after == null) {
                        if (before != null && TargetRepository.delete(c, period, k.unit(), k.code())) {
                            removed++;
                        }
                    } else if (before == null || before.value().getAsDouble() != after) {
                        changed.add(new Observation(period, k.unit(), k.code(), OptionalDouble.of(after),
                                before == null ? "" : before.note()));
                    }
                }
                count += removed + TargetRepository.upsert(c, changed, part.source(), 0, operator, db.database().now());
            }
            return count;
        });
    }
}
