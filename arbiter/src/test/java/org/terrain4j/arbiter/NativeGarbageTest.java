package org.terrain4j.arbiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NativeGarbageTest {

    private static final long MB = 1 << 20;

    private final AtomicLong resident = new AtomicLong(500 * MB);
    private final AtomicInteger collections = new AtomicInteger();

    @Test
    void collectsOnlyOnceTheProcessGrewByMoreThanTheSlack() {
        NativeGarbage garbage = new NativeGarbage(100 * MB, resident::get, () -> {
            collections.incrementAndGet();
            resident.addAndGet(-150 * MB);
        });

        resident.set(600 * MB);
        assertThat(garbage.collectIfGrown()).isFalse();
        resident.set(601 * MB);
        assertThat(garbage.collectIfGrown()).isTrue();
        assertThat(collections).hasValue(1);

        // After it (451 MB) the process may grow by the slack again.
        resident.set(551 * MB);
        assertThat(garbage.collectIfGrown()).isFalse();
        resident.set(552 * MB);
        assertThat(garbage.collectIfGrown()).isTrue();
        assertThat(collections).hasValue(2);
    }

    @Test
    void memoryTheCollectionDoesNotGiveBackRaisesTheBaselineAndMemoryFreedLaterLowersIt() {
        NativeGarbage garbage = new NativeGarbage(100 * MB, resident::get, collections::incrementAndGet);

        resident.set(700 * MB);
        assertThat(garbage.collectIfGrown()).isTrue();
        assertThat(garbage.collectIfGrown()).as("no growth since: no second collection").isFalse();
        assertThat(collections).hasValue(1);

        resident.set(300 * MB); // the deallocator threads freed it after the collection
        assertThat(garbage.collectIfGrown()).isFalse();
        resident.set(401 * MB);
        assertThat(garbage.collectIfGrown()).isTrue();
    }

    @Test
    void aSlackThatIsNotPositiveIsNamed() {
        assertThatThrownBy(() -> new NativeGarbage(0, resident::get, () -> { }))
                .hasMessage("slackBytes must be positive, got 0");
    }
}
