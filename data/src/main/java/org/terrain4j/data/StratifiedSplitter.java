package org.terrain4j.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded stratified split: each class is shuffled on its own (Fisher-Yates with
 * {@code new Random(seed)}) and cut by the fractions, so every split keeps the class
 * proportions of the whole. Classes are visited in index order, so the same labels, fractions
 * and seed always give the same split. Within each returned split, indices are sorted.
 */
final class StratifiedSplitter {

    private StratifiedSplitter() {
    }

    /** Indices of the train, validation and test samples, in that order. */
    static int[][] split(int[] labels, int numClasses, SplitFractions fractions, long seed) {
        Random random = new Random(seed);
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < numClasses; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (List<Integer> members : byClass) {
            java.util.Collections.shuffle(members, random);
            int n = members.size();
            int nTrain = (int) Math.round(n * fractions.train());
            int nValidation = (int) Math.round(n * fractions.validation());
            nValidation = Math.min(nValidation, n - nTrain);
            train.addAll(members.subList(0, nTrain));
            validation.addAll(members.subList(nTrain, nTrain + nValidation));
            test.addAll(members.subList(nTrain + nValidation, n));
        }
        return new int[][] {sorted(train), sorted(validation), sorted(test)};
    }

    private static int[] sorted(List<Integer> indices) {
        int[] result = indices.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(result);
        return result;
    }
}
