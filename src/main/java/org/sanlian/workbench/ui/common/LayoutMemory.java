package org.sanlian.workbench.ui.common;

import java.util.prefs.Preferences;

import javafx.collections.ListChangeListener;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;

/**
 * Remembers, across starts, the layout the user gives a screen: the widths of table columns (by the
 * table's id and the column's id or, without one, its title) and the divider positions of split
 * panes (by the split pane's id), in the window's preferences. A view calls {@link #columns} or
 * {@link #dividers} where it builds the control; columns added later (a period whose scheme brings
 * other columns) are tracked as they come. Until the window sets where to keep them ({@link #use}),
 * nothing is kept, so views built alone (in tests) do not share a layout.
 */
public final class LayoutMemory {

    /** Preferences keys may not be longer than this ({@link Preferences#MAX_KEY_LENGTH}). */
    private static final int MAX_KEY = Preferences.MAX_KEY_LENGTH;
    private static final String PREFIX = "columns.";
    private static final String TRACKED = LayoutMemory.class.getName();

    private static volatile Preferences preferences;

    private LayoutMemory() {
    }

    /** Where the widths are kept from now on (the window's preferences node); {@code null} keeps none. */
    public static void use(Preferences where) {
        preferences = where;
    }

    /** Gives the table's columns their remembered widths and remembers each change; a table without an id is left alone. */
    public static void columns(TableView<?> table) {
        Preferences where = preferences;
        if (where == null || !exists(where) || table.getId() == null || table.getProperties().containsKey(TRACKED)) {
            return;
        }
        table.getProperties().put(TRACKED, Boolean.TRUE);
        String tableId = table.getId();
        table.getColumns().forEach(c -> track(where, tableId, c));
        table.getColumns().addListener((ListChangeListener<TableColumn<?, ?>>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(c -> track(where, tableId, c));
            }
        });
    }

    private static void track(Preferences where, String tableId, TableColumnBase<?, ?> column) {
        if (column.getProperties().containsKey(TRACKED)) {
            return;
        }
        column.getProperties().put(TRACKED, Boolean.TRUE);
        String name = column.getId() != null ? column.getId() : column.getText();
        if (name == null || name.isBlank()) {
            return;
        }
        String key = key(tableId, name);
        double width;
        try {
            width = where.getDouble(key, -1);
        } catch (IllegalStateException e) {
            return; // the node was removed (the window that set it is gone)
        }
        if (width >= column.getMinWidth() && width <= column.getMaxWidth() && width > 0) {
            column.setPrefWidth(width);
        }
        column.widthProperty().addListener((obs, was, is) -> {
            try {
                where.putDouble(key, is.doubleValue());
            } catch (IllegalStateException e) {
                // the preferences node was removed: not worth a dialog
            }
        });
        column.getColumns().forEach(c -> track(where, tableId, c));
    }

    /**
     * Puts a split pane's dividers where the user last left them (the positions it was built with the
     * first time) and remembers each move; a split pane without an id is left alone.
     */
    public static void dividers(SplitPane split) {
        Preferences where = preferences;
        if (where == null || !exists(where) || split.getId() == null) {
            return;
        }
        String key = key("split", split.getId());
        try {
            String kept = where.get(key, null);
            if (kept != null) {
                String[] parts = kept.split(",");
                double[] at = new double[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    at[i] = Double.parseDouble(parts[i]);
                }
                if (at.length == split.getDividers().size() && java.util.Arrays.stream(at).allMatch(p -> p > 0.02 && p < 0.98)) {
                    split.setDividerPositions(at);
                }
            }
        } catch (IllegalStateException | NumberFormatException e) {
            return; // a removed node, or a value this build did not write: the built positions stay
        }
        for (SplitPane.Divider divider : split.getDividers()) {
            divider.positionProperty().addListener((obs, was, is) -> {
                StringBuilder text = new StringBuilder();
                for (SplitPane.Divider d : split.getDividers()) {
                    text.append(text.length() == 0 ? "" : ",").append(d.getPosition());
                }
                try {
                    where.put(key, text.toString());
                } catch (IllegalStateException e) {
                    // the preferences node was removed: not worth a dialog
                }
            });
        }
    }

    private static boolean exists(Preferences where) {
        try {
            return where.nodeExists("");
        } catch (java.util.prefs.BackingStoreException e) {
            return false;
        }
    }

    /** The key of a column's width: readable where it fits, else by a hash of the same text. */
    static String key(String tableId, String column) {
        String key = PREFIX + tableId + "." + column;
        return key.length() <= MAX_KEY ? key : PREFIX + Integer.toHexString(key.hashCode()) + "." + key.length();
    }
}
