package org.terrain4j.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.terrain4j.spark.SparkTrialExecutor;
import org.terrain4j.study.run.ApplicationClassPath;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The Spark application of {@code terrain search --runner spark}: the master from
 * {@code --master} or from spark-submit, {@code OMP_NUM_THREADS=1} on the executors, and, off
 * local mode, this command's jars shipped to them.
 */
final class SparkRunner implements AutoCloseable {

    private final JavaSparkContext context;

    private SparkRunner(JavaSparkContext context) {
        this.context = context;
    }

    static SparkRunner start(String master, CommandSpec spec) {
        SparkConf conf = new SparkConf();
        if (master == null && !conf.contains("spark.master")) {
            throw new ParameterException(spec.commandLine(), "--runner spark needs --master (local[N], spark://HOST:PORT, ...)"
                    + " unless run by spark-submit");
        }
        configure(conf, master);
        if (!conf.get("spark.master").startsWith("local") && !conf.getBoolean("spark.authenticate", false)) {
            System.err.println("warning: spark.authenticate is off: anyone who reaches the cluster's ports can talk to "
                    + "this driver (set spark.authenticate and spark.authenticate.secret with spark-submit --conf)");
        }
        return new SparkRunner(new JavaSparkContext(conf));
    }

    /**
     * The search's settings, each only where neither spark-submit nor the user set it: the
     * master given; {@code OMP_NUM_THREADS=1} on the executors; no web UI (it would listen on every
     * interface without a login and show the command line); and, in local mode, the driver bound to
     * the loopback interface with Spark's authentication on (local mode makes its own secret), so
     * that other users of the machine can neither reach nor talk to it. Off local mode, this
     * command's jars are shipped to the executors.
     */
    static SparkConf configure(SparkConf conf, String master) {
        conf.setAppName("terrain search").setIfMissing("spark.ui.showConsoleProgress", "false")
                .set("spark.executorEnv.OMP_NUM_THREADS", "1").setIfMissing("spark.ui.enabled", "false");
        if (master != null) {
            conf.setMaster(master);
        }
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1").setIfMissing("spark.driver.host", "127.0.0.1")
                    .setIfMissing("spark.authenticate", "true");
        } else if (!conf.contains("spark.jars")) {
            conf.setJars(ApplicationClassPath.jars().toArray(String[]::new));
        }
        return conf;
    }

    SparkTrialExecutor executor(int concurrentTrials) {
        return new SparkTrialExecutor(context, concurrentTrials);
    }

    @Override
    public void close() {
        context.stop();
    }
}
