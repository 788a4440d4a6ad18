package org.terrain4j.search.arbiter;

/** How many start-up trials a generator uses, given what the user set and the budget. */
final class StartupTrials {

    private StartupTrials() {
    }

    /**
     * An explicit value must be at least 1 and fit in the budget; the default is capped at half
     * the budget (at least 1), so a small budget still leaves trials for the model.
     */
    static int resolve(Integer explicit, Integer budget, int defaultValue) {
        if (budget != null && budget < 1) {
            throw new IllegalArgumentException("budget must be >= 1 trial, got " + budget);
        }
        if (explicit != null) {
            if (explicit < 1) {
                throw new IllegalArgumentException("startupTrials must be >= 1, got " + explicit);
            }
            if (budget != null && explicit > budget) {
                throw new IllegalArgumentException("startupTrials (" + explicit + ") exceeds the budget (" + budget
                        + " trials): the search would be the start-up design alone; lower startupTrials or raise"
                        + " the budget");
            }
            return explicit;
        }
        return budget == null ? defaultValue : Math.max(1, Math.min(defaultValue, budget / 2));
    }
}
