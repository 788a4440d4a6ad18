package org.terrain4j.listeners;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
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
        String json = readState(modelFile);
        TerrainListener listener = new TerrainListener(options);
        try {
            listener.restore(EventLog.JSON.readValue(json, ListenerState.class));
        } catch (IOException e) {
            throw new UncheckedIOException(modelFile + ": the Terrain listener state cannot be read", e);
        }
        return listener;
    }

    /** The largest listener state read (its probe batch and recent losses are a few megabytes). */
    static final long MAX_STATE_BYTES = 256L << 20;

    /**
     * The state's JSON from the model file's {@code objects/KEY} entry, where
     * {@link ModelSerializer#addObjectToFile} put it as a Java-serialized string. Read here with a
     * filter that admits a string and nothing else, within {@link #MAX_STATE_BYTES}, rather than
     * with {@link ModelSerializer#getObjectFromFile}, which deserializes whatever the entry holds:
     * a model file may come from anyone.
     */
    private static String readState(File modelFile) {
        try (ZipFile zip = new ZipFile(modelFile)) {
            ZipEntry entry = zip.getEntry("objects/" + KEY);
            if (entry == null) {
                throw new IllegalArgumentException(modelFile + ": no Terrain listener state in this model file");
            }
            try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(zip.getInputStream(entry)))) {
                in.setObjectInputFilter(ObjectInputFilter.Config.createFilter(
                        "maxbytes=" + MAX_STATE_BYTES + ";maxdepth=2;maxrefs=16;!*"));
                Object state = in.readObject();
                if (!(state instanceof String json)) {
                    throw new IllegalArgumentException(modelFile + ": the Terrain listener state is not a JSON string");
                }
                return json;
            }
        } catch (InvalidClassException e) {
            throw new IllegalArgumentException(modelFile + ": the Terrain listener state is not a JSON string "
                    + "within " + (MAX_STATE_BYTES >> 20) + " MB (refused: " + e.getMessage() + ")");
        } catch (IOException | ClassNotFoundException e) {
            throw new UncheckedIOException(modelFile + ": the Terrain listener state cannot be read",
                    e instanceof IOException io ? io : new IOException(e));
        }
    }
}
