package org.sanlian.workbench.ui.common;

import java.util.prefs.Preferences;

import javafx.collections.ListChangeListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;

/**
 * Remembers the widths the user gives table columns, across starts: by the table's id and the
 * column's id (or, without one, its title), in the window's preferences. A table is tracked by
 * {@link #track} where the view builds it; columns added later (a period whose scheme brings other
 * columns) are tracked as they come. Until the window sets where to keep them ({@link #use}),
 * nothing is kept, so views built alone (in tests) do not share widths.
 */
public final class ColumnWidths {

    /** Preferences keys may not be longer than this ({@link Preferences#MAX_KEY_LENGTH}). */
    private static final int MAX_KEY = Preferences.MAX_KEY_LENGTH;
    private static final String PREFIX = "columns.";
    private static final String TRACKED = ColumnWidths.class.getName();

    private static volatile Preferences preferences;

    private ColumnWidths() {
    }

    /** Where the widths are kept from now on (the window's preferences node); {@code null} keeps none. */
    public static void use(Preferences where) {
        preferences = where;
    }

    /** Gives the table's columns their remembered widths and remembers each change; a table without an id is left alone. */
    public static void track(TableView<?> table) {
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
