package org.terrain4j.study.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What a trial ran on: Terrain's version (its jar's manifest; {@code development} when run from
 * classes), DL4J's (from deeplearning4j-nn's Maven properties on the class path), Java's, and the
 * operating system and architecture. Stored with each trial as JSON text, so that a study that
 * spans an upgrade, or machines of a cluster, says which trials ran where on what.
 *
 * @param terrain Terrain's version
 * @param dl4j DL4J's version
 * @param java the Java runtime's version and vendor
 * @param os the operating system, its version and the architecture
 */
public record Provenance(String terrain, String dl4j, String java, String os) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Provenance CURRENT = new Provenance(terrainVersion(), dl4jVersion(),
            System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
            System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));

    /** This process's provenance. */
    public static Provenance current() {
        return CURRENT;
    }

    /** As stored: a JSON object with the four fields. */
    public String toJson() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("terrain", terrain);
        fields.put("dl4j", dl4j);
        fields.put("java", java);
        fields.put("os", os);
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String terrainVersion() {
        String version = Provenance.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    private static String dl4jVersion() {
        try (InputStream in = Provenance.class.getResourceAsStream(
                "/META-INF/maven/org.deeplearning4j/deeplearning4j-nn/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
