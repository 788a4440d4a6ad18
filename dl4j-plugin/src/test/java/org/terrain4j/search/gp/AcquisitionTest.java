package org.terrain4j.search.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AcquisitionTest {

    @Test
    void expectedImprovementMatchesTheClosedFormAndStaysFiniteFarFromTheIncumbent() {
        Acquisition ei = new Acquisition.ExpectedImprovement(0);
        double mu = 0.3;
        double sigma = 0.5;
        double best = 0.1;
        double z = (best - mu) / sigma;
        double expected = (best - mu) * Acquisition.normalCdf(z) + sigma * Acquisition.normalDensity(z);
        assertThat(ei.score(mu, sigma, best)).isCloseTo(Math.log(expected), within(1e-12));
        // 40 standard deviations away the plain value underflows; the log still ranks points.
        assertThat(ei.score(40, 1, 0)).isFinite().isGreaterThan(ei.score(41, 1, 0));
        // continuity where the asymptotic series takes over
        assertThat(Acquisition.logImprovementDensity(-6.0000001))
                .isCloseTo(Acquisition.logImprovementDensity(-5.9999999), within(1e-2));
    }

    @Test
    void probabilityOfImprovementAndConfidenceBound() {
        assertThat(new Acquisition.ProbabilityOfImprovement(0).score(0, 1, 0)).isCloseTo(Math.log(0.5), within(1e-12));
        assertThat(new Acquisition.ProbabilityOfImprovement(0).score(30, 1, 0)).isFinite();
        assertThat(new Acquisition.UpperConfidenceBound(2).score(1, 0.5, 0)).isEqualTo(0.0);
        assertThatThrownBy(() -> new Acquisition.UpperConfidenceBound(-1)).hasMessageContaining("beta");
    }
}
