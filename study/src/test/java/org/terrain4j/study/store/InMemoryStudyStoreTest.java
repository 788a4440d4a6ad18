package org.terrain4j.study.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The store contract on the in-memory store: reopening a location gives the same store back. */
class InMemoryStudyStoreTest extends StudyStoreContract {

    private final Map<StoreLocation, InMemoryStudyStore> stores = new ConcurrentHashMap<>();
    private int count;

    @Override
    StoreLocation freshLocation() {
        return StoreLocation.memory("contract-" + (count++));
    }

    @Override
    StudyStore openStore(StoreLocation location) {
        return stores.computeIfAbsent(location, l -> new InMemoryStudyStore(l.jdbcUrl().substring("memory:".length())));
    }

    @Test
    void anotherProcessCannotOpenItAndIsToldWhy() {
        InMemoryStudyStore store = new InMemoryStudyStore("search");
        assertThat(store.location()).hasToString("memory:search");
        assertThatThrownBy(() -> JdbcStudyStore.open(store.location())).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("the study store memory:search lives in the memory of the process that made it");
    }
}
