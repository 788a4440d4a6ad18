package org.terrain4j.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.terrain4j.terrain.Classification;
import org.terrain4j.terrain.Terrain;

class PlateauPolicyTest {

    private static final Classification PLATEAU = new Classification(Terrain.PLATEAU, "flat");
    private static final PlateauOptions OPTIONS = PlateauOptions.PYTORCH_DEFAULTS.withMinLearningRate(1e-3);

    @Test
    void cutsEachLayerToItsOwnReducedRate() {
        Map<String, Double> rates = new LinkedHashMap<>();
        rates.put("a", 0.1);
        rates.put("b", 0.005);
        rates.put("c", 1e-3);

        Action action = new PlateauPolicy(OPTIONS, false).decide(PLATEAU, rates);

        assertThat(action).isInstanceOf(Action.ScaleLearningRate.class);
        Map<String, Double> factors = ((Action.ScaleLearningRate) action).factors();
        assertThat(factors).containsOnlyKeys("a", "b");
        assertThat(factors.get("a")).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(factors.get("b")).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void atTheMinimumItStopsOnlyWhenAskedTo() {
        Map<String, Double> atMinimum = Map.of("a", 1e-3);

        assertThat(new PlateauPolicy(OPTIONS, false).decide(PLATEAU, atMinimum)).isEqualTo(Action.NONE);
        assertThat(new PlateauPolicy(OPTIONS, true).decide(PLATEAU, atMinimum))
                .isEqualTo(new Action.RequestStop("plateau persists with every learning rate at its minimum 0.001"));
    }

    @Test
    void otherTerrainsNeedNoAction() {
        for (Terrain terrain : new Terrain[] {Terrain.DESCENDING, Terrain.DIVERGING}) {
            assertThat(new PlateauPolicy(OPTIONS, true).decide(new Classification(terrain, ""), Map.of("a", 0.1)))
                    .isEqualTo(Action.NONE);
        }
    }
}
