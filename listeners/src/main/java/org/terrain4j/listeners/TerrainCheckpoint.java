package org.terrain4j.listeners;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Saves a {@link TerrainListener}'s state inside a DL4J model file (written by
 * {@code ModelSerializer.writeModel} or {@code net.save}) and reads it back, so a resumed run
 * continues with the same control. The state is stored as JSON under the entry
 * {@value #KEY}; the network's learning-rate history is already part of the model.
 *
 * <pre>{@code
 * net.save(file, true);
 * TerrainCheckpoint.save(listener, file);
 * // later
 * MultiLayerNetwork restored = MultiLayerNetwork.load(file, true);
 * TerrainListener listener = TerrainCheckpoint.restore(file, options);
 * restored.addListeners(listener);
 * }</pre>
 */
public final class TerrainCheckpoint {

    /** The key of the listener state in the model file. */
    public static final String KEY = "terrain-listener-state";

    private TerrainCheckpoint() {
    }

    /** Adds the listener's state to an existing model file. */
    public static void save(TerrainListener listener, File modelFile) {
        try {
            ModelSerializer.addObjectToFile(modelFile, KEY, EventLog.JSON.writeValueAsString(listener.state()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the listener state", e);
        }
    }

    /**
     * A new listener with the given options, continuing from the state saved in the model file.
     *
     * @throws IllegalArgumentException when the file holds no Terrain state
     */
    public static TerrainListener restore(File modelFile, TerrainOptions options) {
        Object json;
        try {
            json = ModelSerializer.getObjectFromFile(modelFile, KEY);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(modelFile + ": no Terrain listener state in this model file", e);
        }
        TerrainListener listener = new TerrainListener(options);
        try {
            listener.restore(EventLog.JSON.readValue((String) json, ListenerState.class));
        } catch (IOException e) {
            throw new UncheckedIOException(modelFile + ": the Terrain listener state cannot be read", e);
        }
        return listener;
    }
}
