package org.terrain4j.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StratifiedSplitterTest {

    /** 3 classes of 10, 20 and 30 samples, interleaved. */
    private static final int[] LABELS = IntStream.range(0, 60).map(i -> i < 10 ? 0 : i < 30 ? 1 : 2).toArray();

    @Test
    void keepsClassProportionsInEverySplit() {
        int[][] split = StratifiedSplitter.split(LABELS, 3, SplitFractions.DEFAULT, 7);

        assertThat(classCounts(split[0])).containsExactly(6, 12, 18);
        assertThat(classCounts(split[1])).containsExactly(2, 4, 6);
        assertThat(classCounts(split[2])).containsExactly(2, 4, 6);
    }

    @Test
    void splitsArePartitionOfAllSamples() {
        int[][] split = StratifiedSplitter.split(LABELS, 3, SplitFractions.DEFAULT, 7);

        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(split[0]), Arrays.stream(split[1])),
                Arrays.stream(split[2])).sorted().toArray();
        assertThat(all).containsExactly(IntStream.range(0, 60).toArray());
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        int[][] a = StratifiedSplitter.split(LABELS, 3, SplitFractions.DEFAULT, 7);
        int[][] b = StratifiedSplitter.split(LABELS, 3, SplitFractions.DEFAULT, 7);
        int[][] c = StratifiedSplitter.split(LABELS, 3, SplitFractions.DEFAULT, 8);

        assertThat(a).isDeepEqualTo(b);
        assertThat(a[0]).isNotEqualTo(c[0]);
    }

    private static int[] classCounts(int[] indices) {
        int[] counts = new int[3];
        for (int i : indices) {
            counts[LABELS[i]]++;
        }
        return counts;
    }
}
