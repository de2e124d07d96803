package org.sanlian.workbench.store;

import java.sql.SQLException;

/** A database failure that is not the user's input (disk, lock, bug); the transaction was rolled back. */
public final class StoreException extends RuntimeException {

    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
