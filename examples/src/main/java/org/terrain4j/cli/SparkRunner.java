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
        SparkConf conf = new SparkConf().setAppName("terrain search").setIfMissing("spark.ui.showConsoleProgress", "false")
                .set("spark.executorEnv.OMP_NUM_THREADS", "1");
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            throw new ParameterException(spec.commandLine(), "--runner spark needs --master (local[N], spark://HOST:PORT, ...)"
                    + " unless run by spark-submit");
        }
        String chosen = conf.get("spark.master");
        if (!chosen.startsWith("local") && !conf.contains("spark.jars")) {
            conf.setJars(ApplicationClassPath.jars().toArray(String[]::new));
        }
        return new SparkRunner(new JavaSparkContext(conf));
    }

    SparkTrialExecutor executor(int concurrentTrials) {
        return new SparkTrialExecutor(context, concurrentTrials);
    }

    @Override
    public void close() {
        context.stop();
    }
}
