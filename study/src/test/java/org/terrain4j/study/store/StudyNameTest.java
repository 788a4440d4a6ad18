package org.terrain4j.study.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StudyNameTest {

    @Test
    void namesThatAreSafeFolderNamesPass() {
        for (String name : new String[] {"digits-tpe-seed42", "a", "Run_2.b", "x".repeat(100)}) {
            assertThat(StudyName.check(name)).isEqualTo(name);
        }
    }

    @Test
    void pathsControlCharactersAndEscapesAreRefusedAndShownHarmlessly() {
        assertThatThrownBy(() -> StudyName.check("../../x")).hasMessageContaining("'../../x'")
                .hasMessageContaining("letters, digits");
        assertThatThrownBy(() -> StudyName.check("a/b")).hasMessageContaining("study name 'a/b'");
        assertThatThrownBy(() -> StudyName.check("evil\u001b[2Jname\n")).hasMessageContaining("evil\\u001b[2Jname\\u000a")
                .hasMessageNotContaining("\u001b").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> StudyName.check("")).hasMessageContaining("study name ''");
        assertThatThrownBy(() -> StudyName.check(".hidden")).hasMessageContaining("starting with a letter or digit");
        assertThatThrownBy(() -> StudyName.check("x".repeat(101))).hasMessageContaining("1 to 100");
        assertThatThrownBy(() -> StudyName.check("y".repeat(10_000))).hasMessageContaining("...")
                .message().hasSizeLessThan(400);
        assertThatThrownBy(() -> StudyName.check(null)).hasMessageContaining("study name null");
    }
}
