package org.terrain4j.searchdemo;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.arbiter.MultiLayerSpace;
import org.deeplearning4j.arbiter.conf.updater.NesterovsSpace;
import org.deeplearning4j.arbiter.layers.DenseLayerSpace;
import org.deeplearning4j.arbiter.layers.OutputLayerSpace;
import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.deeplearning4j.arbiter.optimize.api.score.ScoreFunction;
import org.deeplearning4j.arbiter.optimize.api.termination.MaxCandidatesCondition;
import org.deeplearning4j.arbiter.optimize.api.termination.MaxTimeCondition;
import org.deeplearning4j.arbiter.optimize.config.OptimizationConfiguration;
import org.deeplearning4j.arbiter.optimize.distribution.LogUniformDistribution;
import org.deeplearning4j.arbiter.optimize.parameter.continuous.ContinuousParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.discrete.DiscreteParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.integer.IntegerParameterSpace;
import org.deeplearning4j.arbiter.scoring.impl.EvaluationScoreFunction;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.terrain4j.arbiter.ScheduleFamily;
import org.terrain4j.arbiter.TerrainPolicySpace;
import org.terrain4j.arbiter.TerrainTrial;
import org.terrain4j.arbiter.TerrainTrialSpace;
import org.terrain4j.demo.DemoDataset;
import org.terrain4j.search.arbiter.FailureLimitCondition;
import org.terrain4j.search.arbiter.GeneratorExhaustedCondition;
import org.terrain4j.search.gp.GpOptions;
import org.terrain4j.study.run.LocalTrialExecutor;
import org.terrain4j.study.run.StudyRunner;
import org.terrain4j.study.run.TrialExecutor;
import org.terrain4j.study.store.JdbcStudyStore;
import org.terrain4j.study.store.StoredTrial;
import org.terrain4j.study.store.StudyStore;

/**
 * The demo search: an MLP with one hidden layer (inputs-h-classes of the dataset: 64-h-10 for
 * digits, 784-h-10 for Fashion-MNIST) trained with Nesterov momentum for a fixed number of
 * epochs; searched are the learning rate (log-uniform 1e-3 to 1), the hidden width h (16 to 256),
 * Terrain's schedule family and the batch size (half the demo's batch size for the dataset up
 * to four times it: 16 to 128 for digits, 64 to 512 for Fashion-MNIST); scored by validation
 * accuracy.
 *
 * @param dataset the data (digits trains a trial in about a second; Fashion-MNIST's 50k
 *                training images take seconds per epoch)
 * @param generator the generator kind
 * @param trials the number of trials, at least 1
 * @param seed the seed of the generator, the data split and the weights
 * @param epochs training epochs per trial, at least 1
 * @param parallel trials trained at once, at least 1
 * @param gpOptions the model options of a Gaussian-process generator ({@link GeneratorKind#gaussianProcess}):
 *                  how much a configuration's training time counts, and the others of {@link GpOptions}
 */
public record DemoSearch(DemoDataset dataset, GeneratorKind generator, int trials, long seed, int epochs,
                         int parallel, GpOptions gpOptions) {

    /** Validates, naming the bad value. */
    public DemoSearch {
        java.util.Objects.requireNonNull(dataset, "dataset");
        java.util.Objects.requireNonNull(generator, "generator");
        checkRange("--trials", trials, MAX_TRIALS);
        checkRange("--epochs", epochs, MAX_EPOCHS);
        checkRange("--parallel", parallel, MAX_PARALLEL);
        java.util.Objects.requireNonNull(gpOptions, "gpOptions");
    }

    /** A search whose Gaussian-process generator has the default options ({@code GpOptions.DEFAULTS}). */
    public DemoSearch(DemoDataset dataset, GeneratorKind generator, int trials, long seed, int epochs, int parallel) {
        this(dataset, generator, trials, seed, epochs, parallel, GpOptions.DEFAULTS);
    }

    /** The most trials of one run. */
    public static final int MAX_TRIALS = 100_000;
    /** The most epochs of a trial (a demo epoch takes a second to a minute). */
    public static final int MAX_EPOCHS = 10_000;
    /** The most trials at once (a Spark cluster's tasks; on one machine the command line allows fewer). */
    public static final int MAX_PARALLEL = 10_000;
    /** The time limit of a search without one: longer than any search runs. */
    public static final Duration NO_TIME_LIMIT = Duration.ofDays(365);

    /** Validates a search's time limit ({@code --max-time}): from 1 second to 365 days, naming the bad value. */
    public static void checkTimeLimit(Duration maxTime) {
        if (maxTime == null || maxTime.compareTo(Duration.ofSeconds(1)) < 0 || maxTime.compareTo(NO_TIME_LIMIT) > 0) {
            throw new IllegalArgumentException("--max-time must be from 1 second to 365 days, got " + maxTime);
        }
    }

    private static void checkRange(String option, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(option + " must be from 1 to " + max + ", got " + value);
        }
    }

    /** The search space. */
    public TerrainTrialSpace space() {
        MultiLayerSpace network = new MultiLayerSpace.Builder()
                .seed(seed)
                .updater(new NesterovsSpace(new ContinuousParameterSpace(new LogUniformDistribution(1e-3, 1.0)),
                        new org.deeplearning4j.arbiter.optimize.parameter.FixedValue<>(0.9)))
                .addLayer(new DenseLayerSpace.Builder().nIn(dataset.features()).nOut(new IntegerParameterSpace(16, 256))
                        .activation(Activation.RELU).build())
                .addLayer(new OutputLayerSpace.Builder().nOut(dataset.classes()).activation(Activation.SOFTMAX)
                        .lossFunction(LossFunction.MCXENT).build())
                .numEpochs(epochs)
                .build();
        TerrainPolicySpace policy = TerrainPolicySpace.builder()
                .schedule(new DiscreteParameterSpace<>(ScheduleFamily.values())).build();
        int batch = dataset.batchSize();
        return new TerrainTrialSpace(network, policy,
                new DiscreteParameterSpace<>(batch / 2, batch, 2 * batch, 4 * batch));
    }

    /** The default study name: {@code DATASET-GENERATOR-seedS}, e.g. {@code digits-tpe-seed42}. */
    public String defaultStudyName() {
        return dataset.label() + "-" + generator.name().toLowerCase(java.util.Locale.ROOT) + "-seed" + seed;
    }

    /** The Arbiter configuration: the generator, the dataset's {@link DemoDataSource}, accuracy, and the trial budget. */
    public OptimizationConfiguration configuration() {
        return configuration(NO_TIME_LIMIT);
    }

    /**
     * As {@link #configuration()}, and no trial starts once {@code maxTime} has passed since the
     * search started (Arbiter's {@code MaxTimeCondition}; trials running then finish): a budget in
     * wall-clock time, with {@code trials} as a cap.
     */
    public OptimizationConfiguration configuration(Duration maxTime) {
        checkTimeLimit(maxTime);
        ScoreFunction score = new EvaluationScoreFunction(Evaluation.Metric.ACCURACY);
        CandidateGenerator candidates = generator.create(space(), score, seed, trials, gpOptions);
        Properties properties = new Properties();
        properties.setProperty(DemoDataSource.DATASET, dataset.name());
        properties.setProperty(DemoDataSource.SEED, Long.toString(seed));
        return new OptimizationConfiguration.Builder()
                .candidateGenerator(candidates)
                .dataSource(DemoDataSource.class, properties)
                .scoreFunction(score)
                .terminationConditions(new MaxCandidatesCondition(trials), new GeneratorExhaustedCondition(),
                        new FailureLimitCondition(10), new MaxTimeCondition(maxTime.toMillis(), TimeUnit.MILLISECONDS))
                .build();
    }

    /**
     * Runs the search as a study in {@code settings}' store, reporting each finished trial to
     * {@code table}: a new study, or, with {@code resume}, the rest of an existing one (the
     * trial budget counts its earlier trials).
     *
     * @return the study's trials when the search ends
     * @throws IllegalArgumentException when the study exists and {@code resume} is off
     */
    public List<StoredTrial> run(TrialTable table, StudySettings settings) {
        return run(table, settings, new LocalTrialExecutor(parallel));
    }

    /** As {@link #run(TrialTable, StudySettings)}, training the trials on {@code executor} (closed at the end). */
    public List<StoredTrial> run(TrialTable table, StudySettings settings, TrialExecutor executor) {
        return run(table, settings, executor, NO_TIME_LIMIT);
    }

    /**
     * As {@link #run(TrialTable, StudySettings, TrialExecutor)}, starting no trial once
     * {@code maxTime} has passed (see {@link #configuration(Duration)}).
     */
    public List<StoredTrial> run(TrialTable table, StudySettings settings, TrialExecutor executor, Duration maxTime) {
        try (StudyStore store = JdbcStudyStore.open(settings.storage())) {
            refuseToOverwrite(store, settings);
            StudyRunner runner = StudyRunner.builder(configuration(maxTime)).store(store).study(settings.study())
                    .executor(executor).pruner(settings.pruner(epochs))
                    .modelFolder(settings.models()).describer(DemoSearch::describe).build();
            runner.addListeners(table);
            runner.execute();
            return store.trials(settings.study());
        }
    }

    /**
     * Checks, before anything is printed or trained, that {@code settings} do not start over a
     * study that has trials (they must say resume).
     *
     * @throws IllegalArgumentException naming the study and what to do
     */
    public static void checkStudy(StudySettings settings) {
        try (StudyStore store = JdbcStudyStore.open(settings.storage())) {
            refuseToOverwrite(store, settings);
        }
    }

    private static void refuseToOverwrite(StudyStore store, StudySettings settings) {
        if (!settings.resume() && store.find(settings.study()).isPresent() && !store.trials(settings.study()).isEmpty()) {
            throw new IllegalArgumentException("study '" + settings.study() + "' in " + settings.storage() + " already has "
                    + store.trials(settings.study()).size() + " trials; pass --resume to continue it, or another --study");
        }
    }

    /** A candidate in one line of JSON: learning rate, width, schedule and batch size. */
    static String describe(Object candidate) {
        if (!(candidate instanceof TerrainTrial trial)) {
            return String.valueOf(candidate);
        }
        TrialRecord r = TrialRecord.of(-1, trial, true, null, 0, null);
        return String.format(java.util.Locale.ROOT, "{\"learningRate\": %.6g, \"width\": %d, \"schedule\": \"%s\", \"batchSize\": %d}",
                r.learningRate(), r.width(), r.schedule(), r.batchSize());
    }
}
