package org.sanlian.workbench.ui.shell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
    }

    private final List<Entry> entries = new ArrayList<>();

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
}
