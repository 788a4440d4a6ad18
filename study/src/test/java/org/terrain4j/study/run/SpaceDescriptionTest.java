package org.terrain4j.study.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.terrain4j.study.store.StudyDefinition;
import org.terrain4j.study.testing.BlobsSearch;

class SpaceDescriptionTest {

    @Test
    void theEpochsEachTrialTrainsArePartOfTheSpace() {
        String four = SpaceDescription.of(BlobsSearch.space(4));

        assertThat(four).endsWith(StudyDefinition.EPOCHS + "4").isEqualTo(SpaceDescription.of(BlobsSearch.space(4)));
        assertThat(SpaceDescription.of(BlobsSearch.space(2))).isNotEqualTo(four);
        assertThat(StudyDefinition.sameSpace(four, SpaceDescription.of(BlobsSearch.space(2)))).isFalse();
        // Stored before descriptions carried the count: any count continues it.
        String legacy = four.substring(0, four.lastIndexOf(StudyDefinition.EPOCHS));
        assertThat(StudyDefinition.sameSpace(legacy, four)).isTrue();
        assertThat(StudyDefinition.sameSpace(legacy, SpaceDescription.of(BlobsSearch.space(2)))).isTrue();
    }
}
