package org.terrain4j.study.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.terrain4j.study.store.StoreException;
import org.terrain4j.study.store.StudyName;

/**
 * {@code best-model.json} next to {@code best-model.zip}: which study and trial the model is of,
 * and its score. Read strictly: a file that is not such a summary, or that is another study's,
 * is refused before a search writes anything into its folder, so that nobody's model is
 * overwritten and no path of a model never written is printed.
 *
 * @param study the study's name
 * @param trial the trial's number in its study
 * @param score its score
 */
public record BestModelSummary(String study, int trial, double score) {

    /** The file's name in the model folder. */
    public static final String FILE = "best-model.json";

    /** The largest summary read (a real one is under 200 bytes). */
    private static final long MAX_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The summary in {@code folder}, if there is one.
     *
     * @throws StoreException naming the file, when it is not a summary Terrain wrote
     */
    public static Optional<BestModelSummary> read(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                throw notASummary(file);
            }
            JsonNode node = JSON.readTree(file.toFile());
            if (node == null || !node.path("study").isTextual() || !node.path("trial").canConvertToInt()
                    || !node.path("trial").isIntegralNumber() || !node.path("score").isNumber()) {
                throw notASummary(file);
            }
            try {
                StudyName.check(node.get("study").asText());
            } catch (IllegalArgumentException e) {
                throw notASummary(file);
            }
            return Optional.of(new BestModelSummary(node.get("study").asText(), node.get("trial").asInt(),
                    node.get("score").asDouble()));
        } catch (IOException e) {
            throw notASummary(file);
        }
    }

    /**
     * Checks that {@code folder} holds no summary or one of {@code study}'s.
     *
     * @return {@code study}'s summary in the folder, if there is one
     * @throws StoreException naming the folder and the other study, or the file that is not a summary
     */
    public static Optional<BestModelSummary> checkFolderOf(Path folder, String study) {
        Optional<BestModelSummary> summary = read(folder);
        if (summary.isPresent() && !summary.get().study().equals(study)) {
            throw new StoreException("the model folder " + folder + " holds the best model of study '"
                    + summary.get().study() + "', not of '" + study
                    + "': give another model folder, or move its best-model files away");
        }
        return summary;
    }

    /** Writes this summary as {@code file} (the caller moves it into place). */
    void write(Path file) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("study", study);
        node.put("trial", trial);
        node.put("score", score);
        JSON.writeValue(file.toFile(), node);
    }

    private static StoreException notASummary(Path file) {
        return new StoreException(file + " is not a best-model summary written by Terrain (study, trial and score): "
                + "give another model folder, or move it away");
    }
}
