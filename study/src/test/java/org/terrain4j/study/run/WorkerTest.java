package org.terrain4j.study.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkerTest {

    @Test
    void thisProcessIsAliveAndNamedWithItsStartTime() {
        String self = Worker.current();

        assertThat(self).matches(".+:" + ProcessHandle.current().pid() + "@\\d+");
        assertThat(Worker.deadOnThisHost(self)).isFalse();
    }

    @Test
    void aLaterProcessWithTheSamePidDoesNotKeepADeadOnesTrialsAlive() {
        // This very pid, but another start time: the process that recorded it is gone.
        String self = Worker.current();
        long start = Long.parseLong(self.substring(self.lastIndexOf('@') + 1));
        String earlier = self.substring(0, self.lastIndexOf('@') + 1) + (start - 60_000);

        assertThat(Worker.deadOnThisHost(earlier)).isTrue();
    }

    @Test
    void anExitedProcessIsDeadAndOtherHostsAreNotJudged() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String host = Worker.current().substring(0, Worker.current().lastIndexOf(':'));

        assertThat(Worker.deadOnThisHost(host + ":" + gone.pid())).as("a legacy name, pid only").isTrue();
        assertThat(Worker.deadOnThisHost(host + ":" + gone.pid() + "@123")).isTrue();
        assertThat(Worker.deadOnThisHost(host + ":" + ProcessHandle.current().pid())).as("legacy, alive").isFalse();
        assertThat(Worker.deadOnThisHost("elsewhere.example:" + gone.pid())).isFalse();
        assertThat(Worker.deadOnThisHost(host + ":not-a-pid")).isFalse();
    }
}
