package org.terrain4j.study.prune;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Hyperband (Li et al. 2018) as Optuna's {@code HyperbandPruner}: several successive-halving
 * brackets with staggered first rungs ({@code minEarlyStoppingRate} 0, 1, 2, ...), each trial
 * assigned to one by a CRC-32 of the study name and trial number (the same assignment as
 * Optuna's), weighted by the brackets' budgets; a trial competes only within its bracket.
 *
 * @param minResource the first rung's step of the most aggressive bracket, at least 1
 * @param maxResource the epochs a trial trains in full, above {@code minResource}
 * @param reductionFactor at least 2 (Optuna: 3)
 */
public record HyperbandPruner(int minResource, int maxResource, int reductionFactor) implements Pruner {

    private static final long serialVersionUID = 1L;

    /** Validates, naming the bad value. */
    public HyperbandPruner {
        if (minResource < 1 || maxResource <= minResource) {
            throw new IllegalArgumentException("Hyperband needs 1 <= minResource < maxResource, got " + minResource
                    + " and " + maxResource);
        }
        if (reductionFactor < 2) {
            throw new IllegalArgumentException("reductionFactor must be >= 2, got " + reductionFactor);
        }
    }

    /** The number of brackets: {@code floor(log_eta(max / min)) + 1}. */
    public int brackets() {
        return (int) Math.floor(Math.log((double) maxResource / minResource) / Math.log(reductionFactor) + 1e-9) + 1;
    }

    private long budget(int bracket) {
        int s = brackets() - 1 - bracket;
        return (long) Math.ceil(brackets() * Math.pow(reductionFactor, s) / (s + 1));
    }

    /** The bracket of trial {@code number} in study {@code study}. */
    public int bracketOf(String study, int number) {
        long total = 0;
        for (int b = 0; b < brackets(); b++) {
            total += budget(b);
        }
        CRC32 crc = new CRC32();
        crc.update((study + "_" + number).getBytes(StandardCharsets.UTF_8));
        long n = crc.getValue() % total;
        for (int b = 0; b < brackets(); b++) {
            n -= budget(b);
            if (n < 0) {
                return b;
            }
        }
        return brackets() - 1;
    }

    @Override
    public Optional<String> prune(PruningInput input) {
        int bracket = bracketOf(input.study(), input.trial().number());
        SuccessiveHalvingPruner halving = new SuccessiveHalvingPruner(minResource, reductionFactor, bracket, 0);
        return halving.prune(input, other -> bracketOf(input.study(), other.number()) == bracket)
                .map(reason -> reason + " (bracket " + bracket + ")");
    }
}
