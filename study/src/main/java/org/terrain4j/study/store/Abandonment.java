package org.terrain4j.study.store;

/** Whether a trial was abandoned (the process running it died) and what became of it. */
public enum Abandonment {
    /** Not abandoned: it ran to its end, or is running. */
    NONE,
    /** Abandoned, and its configuration is trained again by a later trial. */
    RETRIED,
    /** Abandoned too often (in-process) to be trained again. */
    GIVEN_UP;

    /** The abandonment of a trial found abandoned: retried, or given up. */
    static Abandonment of(boolean retried) {
        return retried ? RETRIED : GIVEN_UP;
    }

    /** The value the store keeps (0, 1, 2). */
    int code() {
        return ordinal();
    }

    /** The abandonment the store's {@code code} stands for. */
    static Abandonment of(int code) {
        if (code < 0 || code >= values().length) {
            throw new StoreException("a trial's abandonment code is " + code + ", not 0, 1 or 2");
        }
        return values()[code];
    }
}
