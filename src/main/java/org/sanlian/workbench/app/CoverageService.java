package org.sanlian.workbench.app;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.CoverageItem;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Observation;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.store.CoverageRepository;
import org.sanlian.workbench.store.FigureRepository;

/**
 * 七有 coverage: each unit's characteristic industry chains against the seven items, with evidence,
 * by period. The coverage rate of a unit is the share of its chain-item cells that are in place
 * (covered items over seven times its chains); the city's is the same ratio over every unit's cells
 * (a ratio of sums). Saving keeps the checklist and writes each listed unit's rate as its figure of
 * the coverage indicator ({@value #INDICATOR}) in the same transaction, so the checklist with its
 * evidence is the one source of that figure (docs/window.md, 七有覆盖).
 */
public final class CoverageService {

    /** The code of the indicator whose figure is the coverage rate (the default scheme's “七有”覆盖率). */
    public static final String INDICATOR = "QIYOU";
    /** The source recorded on coverage-rate figures written from the checklist. */
    public static final String SOURCE = "七有覆盖";

    /** What a save did: items written or removed, and the units whose coverage figure was written (unchanged ones too) or removed. */
    public record Saved(int items, List<String> figures) {
        public Saved {
            figures = List.copyOf(figures);
        }
    }

    private CoverageService() {
    }

    /** Every unit's coverage in {@code period}, by unit, chain and item. */
    public static List<CoverageItem> load(WorkbenchDatabase db, Period period) {
        return db.database().read(c -> CoverageRepository.load(c, period));
    }

    /** The coverage kept in an earlier period, to carry over (沿用上期): that period and its items. */
    public record Earlier(Period period, List<CoverageItem> items) {
        public Earlier {
            items = List.copyOf(items);
        }
    }

    /**
     * The coverage of the latest period before {@code period} of the same kind that has any (what
     * 沿用上期 copies into an empty period); empty when no earlier period of that kind has chains.
     */
    public static Optional<Earlier> earlier(WorkbenchDatabase db, Period period) {
        return db.database().read(c -> {
            Optional<Period> p = CoverageRepository.latestBefore(c, period);
            return p.isEmpty() ? Optional.<Earlier>empty()
                    : Optional.of(new Earlier(p.get(), CoverageRepository.load(c, p.get())));
        });
    }

    /** The coverage rate in percent of some chain-item cells; empty when there are none. */
    public static OptionalDouble rate(Collection<CoverageItem> items) {
        return rate(items.stream().filter(CoverageItem::covered).count(), items.size());
    }

    /** The coverage rate in percent of {@code covered} cells out of {@code cells} (seven per chain); empty for none. */
    public static OptionalDouble rate(long covered, long cells) {
        return cells == 0 ? OptionalDouble.empty() : OptionalDouble.of(covered * 100.0 / cells);
    }

    /**
     * Checked items need their evidence: an assessment office counts an item only with evidence to show.
     * Returns one problem per checked item without evidence; {@code names} gives units' names.
     */
    public static List<Issue> check(Collection<CoverageItem> items, Map<String, String> names) {
        List<Issue> out = new ArrayList<>();
        for (CoverageItem i : items) {
            if (i.covered() && i.evidence().isBlank()) {
                out.add(Issue.of(names.getOrDefault(i.unit(), i.unit()) + " · " + i.chain(), "coverage.no-evidence",
                        i.item()));
            }
        }
        return out;
    }

    /**
     * Keeps {@code items} as the whole of {@code period}'s coverage (a unit's chain not among them is
     * removed, a renamed chain is removed under its old name and written under its new one), and
     * writes each unit's coverage rate as its figure of {@value #INDICATOR} where the scheme that
     * scores the period has that indicator: a unit with chains gets its rate; a unit left without
     * chains loses a rate this screen had written (a figure from elsewhere stays). All in one
     * transaction recorded under {@code operator}; refused when a checked item has no evidence.
     */
    public static Saved save(WorkbenchDatabase db, Period period, Optional<Integer> schemeYear,
                             List<CoverageItem> items, String operator) {
        db.requireWritable();
        Scheme scheme = db.scheme(db.schemeFor(period, schemeYear));
        Map<String, String> names = new LinkedHashMap<>();
        scheme.units().forEach(u -> names.put(u.code(), u.name()));
        List<Issue> problems = check(items, names);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        for (CoverageItem i : items) {
            if (!i.period().equals(period)) {
                throw new IllegalArgumentException("item of " + i.period() + " saved as " + period);
            }
        }
        boolean feeds = feedsIndicator(scheme);
        return db.database().write(operator, c -> {
            Set<List<String>> wanted = new LinkedHashSet<>();
            items.forEach(i -> wanted.add(List.of(i.unit(), i.chain())));
            Set<List<String>> before = new LinkedHashSet<>();
            Set<String> unitsBefore = new LinkedHashSet<>();
            for (CoverageItem i : CoverageRepository.load(c, period)) {
                before.add(List.of(i.unit(), i.chain()));
                unitsBefore.add(i.unit());
            }
            int changed = 0;
            for (List<String> chain : before) {
                if (!wanted.contains(chain)) {
                    changed += CoverageRepository.removeChain(c, period, chain.get(0), chain.get(1));
                }
            }
            changed += CoverageRepository.save(c, items, operator, db.database().now());
            List<String> figures = new ArrayList<>();
            if (feeds) {
                List<Observation> rates = new ArrayList<>();
                for (Unit u : scheme.units()) {
                    List<CoverageItem> own = items.stream().filter(i -> i.unit().equals(u.code())).toList();
                    if (!own.isEmpty()) {
                        long covered = own.stream().filter(CoverageItem::covered).count();
                        rates.add(new Observation(period, u.code(), INDICATOR, rate(own),
                                "七有 " + covered + "/" + own.size()));
                    } else if (unitsBefore.contains(u.code()) && writtenHere(c, period, u.code())) {
                        FigureRepository.delete(c, period, u.code(), INDICATOR);
                        figures.add(u.code());
                    }
                }
                FigureRepository.upsert(c, rates, SOURCE, 0, operator, db.database().now());
                rates.forEach(o -> figures.add(o.unit()));
            }
            return new Saved(changed, figures);
        });
    }

    /** Whether the scheme has the coverage indicator as an entered figure (not a derived one). */
    public static boolean feedsIndicator(Scheme scheme) {
        boolean entered = scheme.input(INDICATOR).isPresent()
                || scheme.leaves().stream().map(Indicator::code).anyMatch(INDICATOR::equals);
        return entered && scheme.derivedOf(INDICATOR).isEmpty();
    }

    private static boolean writtenHere(java.sql.Connection c, Period period, String unit) throws java.sql.SQLException {
        return FigureRepository.ofUnit(c, period, unit).stream()
                .anyMatch(f -> f.observation().code().equals(INDICATOR) && f.source().equals(SOURCE));
    }
}
