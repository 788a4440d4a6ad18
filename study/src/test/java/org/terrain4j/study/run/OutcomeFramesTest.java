package org.terrain4j.study.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class OutcomeFramesTest {

    @Test
    void outcomesComeThroughHeartbeatsFieldByField() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        OutcomeFrames.writeHeartbeat(out);
        OutcomeFrames.writeHeartbeat(out);
        OutcomeFrames.writeOutcome(out, new TrialOutcome(true, 0.8125, null, "pruned at epoch 2", "host:1/worker-0"));
        OutcomeFrames.writeOutcome(out, new TrialOutcome(false, null, "boom", null, "host:1/worker-0"));
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));

        assertThat(OutcomeFrames.readOutcome(in))
                .isEqualTo(new TrialOutcome(true, 0.8125, null, "pruned at epoch 2", "host:1/worker-0"));
        assertThat(OutcomeFrames.readOutcome(in)).isEqualTo(new TrialOutcome(false, null, "boom", null, "host:1/worker-0"));
    }

    @Test
    void aLongFailureIsCutToABoundedFrame() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String trace = "\u20ac".repeat(100_000); // 3 bytes each in modified UTF-8
        OutcomeFrames.writeOutcome(new DataOutputStream(bytes), new TrialOutcome(false, null, trace, null, "w"));

        TrialOutcome read = OutcomeFrames.readOutcome(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

        assertThat(bytes.size()).isLessThan(3 * OutcomeFrames.MAX_TEXT + 200);
        assertThat(read.failure()).startsWith("\u20ac".repeat(OutcomeFrames.MAX_TEXT))
                .endsWith(" ... (84000 more characters)");
    }

    @Test
    void aFrameOfAnotherKindEndsTheConnection() {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(new byte[] {(byte) 0xac, (byte) 0xed}));
        assertThatThrownBy(() -> OutcomeFrames.readOutcome(in)).isInstanceOf(IOException.class)
                .hasMessage("the worker sent a frame of unknown type 172");
    }
}
