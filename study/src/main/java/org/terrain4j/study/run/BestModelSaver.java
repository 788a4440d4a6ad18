package org.terrain4j.study.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.api.saving.ResultReference;
import org.deeplearning4j.arbiter.optimize.api.saving.ResultSaver;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.util.ModelSerializer;
import org.terrain4j.study.store.Direction;

/**
 * Keeps the best model of a study on disk: {@code best-model.zip} (DL4J's ModelSerializer,
 * with updater state) and {@code best-model.json} ({@link BestModelSummary}: study, trial number
 * and score), each written to a
 * temporary file and moved into place atomically, so a kill at any moment leaves the previous
 * best or the new one, never half of one. The comparison with {@code best-model.json} and the
 * write happen under a file lock, so several processes (Spark executors) sharing the folder
 * keep the best of all; a resumed study keeps its best. A folder holding another study's best
 * model, or a {@code best-model.json} Terrain did not write, is refused when the saver is made,
 * before any trial. Pruned trials are never saved. Other results go to the configuration's
 * own saver, if it had one.
 */
public final class BestModelSaver implements ResultSaver {

    static final String MODEL = "best-model.zip";

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

    @Override
    public ResultReference saveModel(OptimizationResult result, Object modelResult) throws IOException {
        ResultReference reference = delegate == null ? null : delegate.saveModel(result, modelResult);
        Double score = result.getScore();
        if (modelResult instanceof Model model && score != null && !pruned.test(result.getIndex())) {
            synchronized (BestModelSaver.class) { // file locks are per process; threads queue here
                try (FileChannel channel = FileChannel.open(folder.resolve("best-model.lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                    saveIfBest(model, trialOfCandidate.applyAsInt(result.getIndex()), score);
                }
            }
        }
        return reference;
    }

    /** Under the lock: replaces the best model when {@code score} beats the one on disk. */
    private void saveIfBest(Model model, int trial, double score) throws IOException {
        try (var leftovers = Files.newDirectoryStream(folder, "best-model*.tmp")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover); // a process killed while saving
            }
        }
        Double best = BestModelSummary.checkFolderOf(folder, study).map(BestModelSummary::score).orElse(null);
        if (!direction.better(score, best)) {
            return;
        }
        Path temporary = Files.createTempFile(folder, "best-model", ".zip.tmp");
        ModelSerializer.writeModel(model, temporary.toFile(), true);
        Files.move(temporary, folder.resolve(MODEL), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Path summaryTemporary = Files.createTempFile(folder, "best-model", ".json.tmp");
        new BestModelSummary(study, trial, score).write(summaryTemporary);
        Files.move(summaryTemporary, folder.resolve(BestModelSummary.FILE), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
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
