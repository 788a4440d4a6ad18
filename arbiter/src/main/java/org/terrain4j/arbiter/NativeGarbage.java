package org.terrain4j.arbiter;

import java.util.function.LongSupplier;
import org.bytedeco.javacpp.Pointer;

/**
 * Collects ND4J's native garbage when the process has grown by more than a bound since the last
 * collection; {@link TerrainTask} asks after every epoch.
 *
 * <p>Why it is needed: DL4J allocates about 170 small native buffers per training iteration
 * outside its workspaces (views, shape information, op contexts), each freed only after the
 * garbage collector has found its Java wrapper dead. The wrappers are tiny and outlive a young
 * collection, so they wait in the old generation, which a large heap collects rarely: a
 * `terrain search` on Fashion-MNIST grew by about 20 MB of native memory an epoch, 4.3 GB after 125
 * one-epoch trials, of which a full collection returned 2 GB. The JVM cannot see that memory, and
 * JavaCPP's own limit ({@code org.bytedeco.javacpp.maxphysicalbytes}) is checked only on JavaCPP's
 * allocations, not ND4J's.
 *
 * <p>The check reads the resident size (one read of {@code /proc/self/statm}); a collection, a
 * full one of perhaps 0.1 to 0.3 s, happens only once the resident size is {@code slackBytes} above
 * what it was after the previous one. A process whose resident size does not fall after a
 * collection (memory the C library keeps) raises its own baseline, so collections never repeat
 * without growth to justify them; one that falls later (ND4J frees on its deallocator threads
 * after the collection) lowers it.
 */
final class NativeGarbage {

    /** The process may grow by this much between collections. */
    static final long DEFAULT_SLACK_BYTES = 1L << 30;

    private static final NativeGarbage PROCESS = new NativeGarbage(DEFAULT_SLACK_BYTES, Pointer::physicalBytes, System::gc);

    private final long slackBytes;
    private final LongSupplier residentBytes;
    private final Runnable collect;
    private long baseline;

    NativeGarbage(long slackBytes, LongSupplier residentBytes, Runnable collect) {
        if (slackBytes <= 0) {
            throw new IllegalArgumentException("slackBytes must be positive, got " + slackBytes);
        }
        this.slackBytes = slackBytes;
        this.residentBytes = residentBytes;
        this.collect = collect;
        this.baseline = residentBytes.getAsLong();
    }

    /** The one instance for this process: every trial of every thread shares the bound. */
    static NativeGarbage process() {
        return PROCESS;
    }

    /** Collects when the process grew by more than the slack since the last collection; says whether it did. */
    synchronized boolean collectIfGrown() {
        long resident = residentBytes.getAsLong();
        baseline = Math.min(baseline, resident); // ND4J frees what a collection found on its own threads, later
        if (resident - baseline <= slackBytes) {
            return false;
        }
        collect.run();
        baseline = residentBytes.getAsLong();
        return true;
    }
}
