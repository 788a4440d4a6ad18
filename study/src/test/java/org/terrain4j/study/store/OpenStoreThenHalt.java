package org.terrain4j.study.store;

/**
 * A process that opens a SQLite study store and halts, as a killed worker ends: no shutdown
 * hooks, no delete-on-exit. {@code args[0]}: the store's file.
 */
public final class OpenStoreThenHalt {

    private OpenStoreThenHalt() {
    }

    public static void main(String[] args) {
        try (StudyStore store = JdbcStudyStore.open(StoreLocation.parse("sqlite:" + args[0]))) {
            store.open(new StudyDefinition("s", "{}", Direction.MAXIMIZE, "test", 1));
        }
        Runtime.getRuntime().halt(0);
    }
}
