package org.sanlian.workbench.ui.coverage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import org.sanlian.workbench.app.CoverageService;
import org.sanlian.workbench.core.model.CoverageItem;
import org.sanlian.workbench.core.model.Period;

/**
 * The 七有 coverage of one period as the coverage screen edits it: per unit its characteristic
 * industry chains, each with the seven items (in place or not, and the evidence). One immutable
 * value per step of the screen's undo history; every edit returns a new value.
 */
public record CoverageSheet(Map<String, List<Chain>> chains) {

    /** One item of a chain: in place or not, and the evidence for it. */
    public record Item(boolean covered, String evidence) {
        public static final Item NONE = new Item(false, "");

        public Item {
            Objects.requireNonNull(evidence, "evidence");
        }
    }

    /** A characteristic industry chain with its seven items (index 0 is item 1). */
    public record Chain(String name, List<Item> items) {
        public Chain {
            Objects.requireNonNull(name, "name");
            items = List.copyOf(items);
            if (items.size() != CoverageItem.ITEMS) {
                throw new IllegalArgumentException("a chain has " + CoverageItem.ITEMS + " items");
            }
        }

        public static Chain named(String name) {
            return new Chain(name, Collections.nCopies(CoverageItem.ITEMS, Item.NONE));
        }

        /** Item {@code n} (1 to 7). */
        public Item item(int n) {
            return items.get(n - 1);
        }

        Chain with(int n, Item item) {
            List<Item> next = new ArrayList<>(items);
            next.set(n - 1, item);
            return new Chain(name, next);
        }
    }

    public CoverageSheet {
        Map<String, List<Chain>> copy = new LinkedHashMap<>();
        chains.forEach((unit, list) -> {
            if (!list.isEmpty()) {
                copy.put(unit, List.copyOf(list));
            }
        });
        chains = Collections.unmodifiableMap(copy);
    }

    /** The sheet of the items kept, chains in the order first met. */
    public static CoverageSheet of(List<CoverageItem> items) {
        Map<String, Map<String, Chain>> byUnit = new LinkedHashMap<>();
        for (CoverageItem i : items) {
            Map<String, Chain> chains = byUnit.computeIfAbsent(i.unit(), u -> new LinkedHashMap<>());
            Chain chain = chains.getOrDefault(i.chain(), Chain.named(i.chain()));
            chains.put(i.chain(), chain.with(i.item(), new Item(i.covered(), i.evidence())));
        }
        Map<String, List<Chain>> out = new LinkedHashMap<>();
        byUnit.forEach((unit, chains) -> out.put(unit, new ArrayList<>(chains.values())));
        return new CoverageSheet(out);
    }

    /** Every item of every chain, as kept in {@code period}. */
    public List<CoverageItem> items(Period period) {
        List<CoverageItem> out = new ArrayList<>();
        chains.forEach((unit, list) -> {
            for (Chain c : list) {
                for (int n = 1; n <= CoverageItem.ITEMS; n++) {
                    Item item = c.item(n);
                    out.add(new CoverageItem(period, unit, c.name(), n, item.covered(), item.evidence()));
                }
            }
        });
        return out;
    }

    public List<Chain> chainsOf(String unit) {
        return chains.getOrDefault(unit, List.of());
    }

    public Optional<Chain> chain(String unit, String name) {
        return chainsOf(unit).stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public CoverageSheet addChain(String unit, String name) {
        List<Chain> list = new ArrayList<>(chainsOf(unit));
        list.add(Chain.named(name));
        return withUnit(unit, list);
    }

    public CoverageSheet renameChain(String unit, String from, String to) {
        List<Chain> list = new ArrayList<>();
        for (Chain c : chainsOf(unit)) {
            list.add(c.name().equals(from) ? new Chain(to, c.items()) : c);
        }
        return withUnit(unit, list);
    }

    public CoverageSheet removeChain(String unit, String name) {
        List<Chain> list = new ArrayList<>(chainsOf(unit));
        list.removeIf(c -> c.name().equals(name));
        return withUnit(unit, list);
    }

    /** Item {@code n} of a chain set to {@code item}. */
    public CoverageSheet withItem(String unit, String chain, int n, Item item) {
        List<Chain> list = new ArrayList<>();
        for (Chain c : chainsOf(unit)) {
            list.add(c.name().equals(chain) ? c.with(n, item) : c);
        }
        return withUnit(unit, list);
    }

    /**
     * This sheet with the chains (items and evidence included) that {@code from} lists for each of
     * {@code units} that has no chain here; a unit that already has chains keeps them as they are.
     */
    public CoverageSheet carriedFrom(CoverageSheet from, java.util.Collection<String> units) {
        Map<String, List<Chain>> next = new LinkedHashMap<>(chains);
        for (String unit : units) {
            if (chainsOf(unit).isEmpty() && !from.chainsOf(unit).isEmpty()) {
                next.put(unit, from.chainsOf(unit));
            }
        }
        return new CoverageSheet(next);
    }

    /** How many chains the sheet lists, over all units. */
    public int chainCount() {
        return chains.values().stream().mapToInt(List::size).sum();
    }

    private CoverageSheet withUnit(String unit, List<Chain> list) {
        Map<String, List<Chain>> next = new LinkedHashMap<>(chains);
        next.put(unit, list);
        return new CoverageSheet(next);
    }

    /** The unit's coverage rate in percent; empty when it lists no chain. */
    public OptionalDouble rate(String unit) {
        return rate(chainsOf(unit));
    }

    /** The city's coverage rate: covered cells over all cells of every unit (a ratio of sums); empty without chains. */
    public OptionalDouble cityRate() {
        return rate(chains.values().stream().flatMap(List::stream).toList());
    }

    private static OptionalDouble rate(List<Chain> list) {
        long covered = list.stream().flatMap(c -> c.items().stream()).filter(Item::covered).count();
        return CoverageService.rate(covered, (long) list.size() * CoverageItem.ITEMS);
    }
}
