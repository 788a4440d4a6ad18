package org.terrain4j.data;

/**
 * Shares of a dataset that go to training and validation; the rest is the test set.
 *
 * @param train share of samples used to train, in (0, 1)
 * @param validation share of samples used to validate, in [0, 1 - train)
 */
public record SplitFractions(double train, double validation) {

    /** 60% train, 20% validation, 20% test: the split used for digits and iris. */
    public static final SplitFractions DEFAULT = new SplitFractions(0.6, 0.2);

    /** Validates both shares; the test share must stay positive. */
    public SplitFractions {
        if (!(train > 0 && train < 1)) {
            throw new IllegalArgumentException("train fraction must be in (0, 1), got " + train);
        }
        if (!(validation >= 0 && train + validation < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1 - train) = [0, "
                    + (1 - train) + "), got " + validation);
        }
    }

    /** The share left for the test set. */
    public double test() {
        return 1 - train - validation;
    }
}
