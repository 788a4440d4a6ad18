package org.terrain4j.study.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.api.saving.ResultReference;
import org.deeplearning4j.arbiter.optimize.api.saving.ResultSaver;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.util.ModelSerializer;
import org.terrain4j.study.store.Direction;
import org.terrain4j.study.store.StoredTrial;
import org.terrain4j.study.store.TrialState;

/**
 * Keeps the best model of a study on disk: {@code best-model.zip} (DL4J's ModelSerializer,
 * with updater state) and {@code best-model.json} ({@link BestModelSummary}: study, trial number
 * and score).
 *
 * <p><b>Staged, then promoted.</b> A task that ends with a score better than the best on disk
 * writes its model to {@code trial-N.zip.staged}; only once the runner has committed the trial as
 * complete does it {@link #promote} the staged model to the best, and a trial that failed or was
 * pruned has its staged model {@link #discard}ed. So the best model on disk is always that of a
 * committed trial: a process killed between training and commit (or a worker still training a
 * trial its driver abandoned) never leaves a best model that the study does not have. When a study
 * resumes, {@link #settle} promotes the staged models of trials committed complete just before a
 * kill and deletes the others'.
 *
 * <p>Every file is written to a temporary file and moved into place atomically, so a kill at any
 * moment leaves the previous best or the new one, never half of one. Comparisons and writes
 * happen under a file lock, so several processes sharing the folder (worker processes, Spark
 * executors) keep the best of all; a resumed study keeps its best. A folder holding another
 * study's best model, or a {@code best-model.json} Terrain did not write, is refused when the saver
 * is made, before any trial. Pruned trials are never saved. Other results go to the
 * configuration's own saver, if it had one.
 */
public final class BestModelSaver implements ResultSaver {

    static final String MODEL = "best-model.zip";
    private static final Pattern STAGED = Pattern.compile("trial-(\\d{1,9})\\.zip\\.staged");

    private final Path folder;
    private final String study;
    private final Direction direction;
    private final IntUnaryOperator trialOfCandidate;
    private final IntPredicate pruned;
    private final ResultSaver delegate;

    /**
     * @param folder where the best model is kept (created if missing)
     * @param study the study's name, recorded with the model
     * @param direction whether lower or higher scores are better
     * @param trialOfCandidate the study trial number of a candidate index
     * @param pruned whether a candidate index was pruned (then it is never saved)
     * @param delegate the configuration's own saver, or null
     */
    public BestModelSaver(Path folder, String study, Direction direction, IntUnaryOperator trialOfCandidate,
            IntPredicate pruned, ResultSaver delegate) throws IOException {
        this.folder = folder;
        this.study = study;
        this.direction = direction;
        this.trialOfCandidate = trialOfCandidate;
        this.pruned = pruned;
        this.delegate = delegate;
        Files.createDirectories(folder);
        BestModelSummary.checkFolderOf(folder, study);
    }

    /** Where the model of {@code trial} waits for its commit. */
    static Path staged(Path folder, int trial) {
        return folder.resolve("trial-" + trial + ".zip.staged");
    }

    /** At the end of a task: stages the model when its score beats the best on disk. */
    @Override
    public ResultReference saveModel(OptimizationResult result, Object modelResult) throws IOException {
        ResultReference reference = delegate == null ? null : delegate.saveModel(result, modelResult);
        Double score = result.getScore();
        if (modelResult instanceof Model model && score != null && !pruned.test(result.getIndex())) {
            int trial = trialOfCandidate.applyAsInt(result.getIndex());
            underLock(() -> {
                if (direction.better(score, bestOnDisk())) {
                    Path temporary = Files.createTempFile(folder, "best-model", ".zip.tmp");
                    ModelSerializer.writeModel(model, temporary.toFile(), true);
                    Files.move(temporary, staged(folder, trial), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                }
            });
        }
        return reference;
    }

    /**
     * After {@code trial} was committed complete with {@code score}: its staged model (if any)
     * becomes the best when it beats the best on disk, and is deleted otherwise.
     */
    public void promote(int trial, double score) throws IOException {
        Path staged = staged(folder, trial);
        if (!Files.exists(staged)) {
            return;
        }
        underLock(() -> {
            if (!Files.exists(staged)) {
                return;
            }
            if (!direction.better(score, bestOnDisk())) {
                Files.deleteIfExists(staged);
                return;
            }
            Files.move(staged, folder.resolve(MODEL), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Path summaryTemporary = Files.createTempFile(folder, "best-model", ".json.tmp");
            new BestModelSummary(study, trial, score).write(summaryTemporary);
            Files.move(summaryTemporary, folder.resolve(BestModelSummary.FILE), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        });
    }

    /**
     * After {@code trial} was committed: its staged model becomes the best if it is (complete,
     * {@code score} given) or goes (failed or pruned, null). A failure here loses no trial: it is
     * logged, and the staged model stays for the next resume to settle.
     */
    void afterCommit(int trial, Double score) {
        try {
            if (score != null) {
                promote(trial, score);
            } else {
                discard(trial);
            }
        } catch (IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(BestModelSaver.class).error(
                    "study {}: trial {} is committed, but its model could not be settled in {}: {}", study, trial, folder, e.toString());
        }
    }

    /** After {@code trial} was committed failed or pruned (or abandoned): its staged model goes. */
    public void discard(int trial) throws IOException {
        Files.deleteIfExists(staged(folder, trial));
    }

    /**
     * When a study resumes: promotes the staged models of trials the store has as complete (a
     * kill came between the commit and the promotion) and deletes those of trials that failed or
     * were pruned; staged models of running trials (another live worker's) stay.
     *
     * @param trials the study's trials, as the store has them after abandoned trials were marked
     */
    public void settle(List<StoredTrial> trials) throws IOException {
        Map<Integer, StoredTrial> byNumber = trials.stream().collect(Collectors.toMap(StoredTrial::number, t -> t));
        List<Path> files;
        try (var listing = Files.list(folder)) {
            files = listing.toList();
        }
        for (Path file : files) {
            Matcher m = STAGED.matcher(file.getFileName().toString());
            if (!m.matches()) {
                continue;
            }
            StoredTrial trial = byNumber.get(Integer.parseInt(m.group(1)));
            if (trial == null) {
                continue; // not this study's
            }
            if (trial.state() == TrialState.COMPLETE && trial.score() != null) {
                promote(trial.number(), trial.score());
            } else if (trial.state() != TrialState.RUNNING) {
                discard(trial.number());
            }
        }
    }

    private Double bestOnDisk() {
        return BestModelSummary.checkFolderOf(folder, study).map(BestModelSummary::score).orElse(null);
    }

    private interface LockedWork {
        void run() throws IOException;
    }

    /** Runs {@code work} holding the folder's lock (file locks are per process; threads queue on the class). */
    private void underLock(LockedWork work) throws IOException {
        synchronized (BestModelSaver.class) {
            try (FileChannel channel = FileChannel.open(folder.resolve("best-model.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                try (var leftovers = Files.newDirectoryStream(folder, "best-model*.tmp")) {
                    for (Path leftover : leftovers) {
                        Files.deleteIfExists(leftover); // a process killed while writing
                    }
                }
                work.run();
            }
        }
    }

    @Override
    public List<Class<?>> getSupportedCandidateTypes() {
        return delegate == null ? List.of(Object.class) : delegate.getSupportedCandidateTypes();
    }

    @Override
    public List<Class<?>> getSupportedModelTypes() {
        return List.of(Model.class);
    }
}
