package org.terrain4j.study.store;

/**
 * The store cannot do what was asked, for a reason a person can act on: the database is
 * unreachable or locked, its schema is newer than this Terrain, a study name is reused with a
 * different space. The message is one line that names the store (never its password) and the
 * cause.
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
