package org.sanlian.workbench.ui.shell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The screens of the window, listed in the side bar by group and in the order added. A new screen
 * plugs in with one line ({@code WorkbenchScreens.standard()}):
 *
 * <pre>
 * registry.add(ScreenGroup.DATA, "entry", "ui.screen.entry", DataEntryScreen::new);
 * </pre>
 */
public final class ScreenRegistry {

    /** One screen: its id (also the side bar button's id after {@code nav-}), group, title key and maker. */
    public record Entry(String id, ScreenGroup group, String titleKey, Function<ScreenContext, Screen> factory) {
        public Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(titleKey, "titleKey");
            Objects.requireNonNull(factory, "factory");
            if (!id.matches("[a-z][a-z0-9-]*")) {
                throw new IllegalArgumentException("screen ids are lower-case words: " + id);
            }
        }

        // written out: the record's generated equality is linked at its first use, on the window's
        // thread at every start (docs/performance.md, "Start-up of the window")
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Entry e && id.equals(e.id) && group == e.group
                    && titleKey.equals(e.titleKey) && factory.equals(e.factory);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, group, titleKey, factory);
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, EarlyReading> earlyReadings = new HashMap<>();

    /** Adds a screen; ids are unique. */
    public ScreenRegistry add(ScreenGroup group, String id, String titleKey, Function<ScreenContext, Screen> factory) {
        if (byId(id).isPresent()) {
            throw new IllegalArgumentException("screen " + id + " is registered twice");
        }
        entries.add(new Entry(id, group, titleKey, factory));
        return this;
    }

    /** Every screen, by group, then in the order added. */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>(entries);
        out.sort(Comparator.comparing(Entry::group)); // stable: keeps the order added within a group
        return List.copyOf(out);
    }

    public Optional<Entry> byId(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /**
     * What screen {@code id} reads first from a database, when it is the screen the window shows
     * first: read on the thread that opens the database while the window is built ({@link EarlyOpen}),
     * and handed to the screen through {@link Workspace#takeEarly}. It runs away from the screen's
     * thread and must not touch the screen; when it fails, the screen reads as usual and reports.
     */
    public ScreenRegistry readEarly(String id, EarlyReading reading) {
        if (byId(id).isEmpty()) {
            throw new IllegalArgumentException("no screen " + id);
        }
        earlyReadings.put(id, Objects.requireNonNull(reading, "reading"));
        return this;
    }

    /** Screen {@code id}'s first reading, if it has one ({@link #readEarly}). */
    public Optional<EarlyReading> earlyReading(String id) {
        return Optional.ofNullable(earlyReadings.get(id));
    }
}
