package org.terrain4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import org.junit.jupiter.api.Test;

/**
 * The command line's logback.xml, as the terrain jar ships it (loaded into a context of its own:
 * the tests' logback-test.xml configures the default one).
 */
class LoggingConfigurationTest {

    @Test
    void terrainEventsDoNotBreakTheProgressBarsButWarningsShow() throws Exception {
        LoggerContext shipped = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(shipped);
        configurator.doConfigure(TerrainCommand.class.getResource("/logback.xml"));

        assertThat(shipped.getLogger("org.terrain4j.listeners.EventLog").isInfoEnabled())
                .as("an INFO line per event between progress-bar redraws").isFalse();
        assertThat(shipped.getLogger("org.terrain4j.listeners.EventLog").isWarnEnabled()).isTrue();
        assertThat(shipped.getLogger("org.terrain4j.cli.TerrainCommand").isInfoEnabled()).isTrue();
        assertThat(shipped.getLogger("org.nd4j.linalg.factory.Nd4jBackend").isInfoEnabled()).isFalse();
        shipped.stop();
    }
}
