package org.sanlian.workbench.core.scoring;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One unit's rounded dimension subtotals as a read-only map in tree order, backed by an array and
 * the scheme's shared code index instead of a hash map per unit.
 */
final class SubtotalMap extends AbstractMap<String, OptionalDouble> {

    private final String[] codes;
    private final Map<String, Integer> index;
    private final double[] values;

    /** @param values rounded subtotals by dimension, NaN where a node has no score (kept, not copied) */
    SubtotalMap(String[] codes, Map<String, Integer> index, double[] values) {
        this.codes = codes;
        this.index = index;
        this.values = values;
    }

    @Override
    public OptionalDouble get(Object key) {
        Integer i = index.get(key);
        return i == null ? null : opt(values[i]);
    }

    @Override
    public boolean containsKey(Object key) {
        return index.containsKey(key);
    }

    @Override
    public int size() {
        return codes.length;
    }

    @Override
    public Set<Entry<String, OptionalDouble>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, OptionalDouble>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < codes.length;
                    }

                    @Override
                    public Entry<String, OptionalDouble> next() {
                        if (i >= codes.length) {
                            throw new NoSuchElementException();
                        }
                        int k = i++;
                        return new SimpleImmutableEntry<>(codes[k], opt(values[k]));
                    }
                };
            }

            @Override
            public int size() {
                return codes.length;
            }
        };
    }

    private static OptionalDouble opt(double v) {
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
