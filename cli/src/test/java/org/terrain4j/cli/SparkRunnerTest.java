package org.terrain4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.Socket;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

/** The search's Spark settings, and a real local-mode context started with them. */
class SparkRunnerTest {

    @Test
    void localModeListensOnLoopbackOnlyWithAuthenticationAndNoWebInterface() throws Exception {
        SparkConf conf = SparkRunner.configure(new SparkConf(false), "local[1]");

        assertThat(conf.get("spark.ui.enabled")).isEqualTo("false");
        assertThat(conf.get("spark.authenticate")).isEqualTo("true");
        assertThat(conf.get("spark.driver.bindAddress")).isEqualTo("127.0.0.1");
        try (JavaSparkContext context = new JavaSparkContext(conf)) {
            assertThat(context.sc().uiWebUrl().isEmpty()).isTrue();
            assertThat(context.parallelize(java.util.List.of(1, 2, 3)).reduce(Integer::sum)).isEqualTo(6);
            int port = Integer.parseInt(context.getConf().get("spark.driver.port"));
            // The driver's port answers on loopback and nowhere else.
            try (Socket loopback = new Socket(InetAddress.getLoopbackAddress(), port)) {
                assertThat(loopback.isConnected()).isTrue();
            }
            InetAddress external = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                    .filter(i -> !isLoopback(i)).flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                    .filter(a -> a instanceof java.net.Inet4Address).findFirst().orElse(null);
            if (external != null) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Socket(external, port).close())
                        .isInstanceOf(java.net.ConnectException.class);
            }
        }
    }

    @Test
    void whatSparkSubmitSetIsKept() {
        SparkConf submitted = new SparkConf(false).set("spark.ui.enabled", "true").set("spark.master", "local[2]")
                .set("spark.authenticate", "false");

        SparkConf conf = SparkRunner.configure(submitted, null);

        assertThat(conf.get("spark.ui.enabled")).isEqualTo("true");
        assertThat(conf.get("spark.authenticate")).isEqualTo("false");
        assertThat(conf.get("spark.master")).isEqualTo("local[2]");
        assertThat(conf.get("spark.executorEnv.OMP_NUM_THREADS")).isEqualTo("1");
    }

    private static boolean isLoopback(java.net.NetworkInterface networkInterface) {
        try {
            return networkInterface.isLoopback() || !networkInterface.isUp();
        } catch (java.net.SocketException e) {
            return true;
        }
    }
}
