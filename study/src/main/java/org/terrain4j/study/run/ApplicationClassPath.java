package org.terrain4j.study.run;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The class path of this process as a list of entries, with the jars that executable jars'
 * manifests name ({@code java -jar terrain-cli.jar} has one entry on
 * {@code java.class.path}, the rest in its manifest): what a worker process or a Spark executor
 * needs to run this application's trials.
 */
public final class ApplicationClassPath {

    private ApplicationClassPath() {
    }

    /** Every entry: folders and jars of {@code java.class.path}, and the jars their manifests add. */
    public static List<String> entries() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            entries.add(entry);
            if (!entry.endsWith(".jar")) {
                continue;
            }
            try (JarFile jar = new JarFile(entry)) {
                Manifest manifest = jar.getManifest();
                String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
                if (classPath != null && !classPath.isBlank()) {
                    Path base = Path.of(entry).toAbsolutePath().getParent();
                    Arrays.stream(classPath.trim().split("\\s+")).map(p -> resolve(base, p)).forEach(entries::add);
                }
            } catch (IOException e) {
                // an unreadable jar is passed on as it is
            }
        }
        return entries;
    }

    /** A manifest Class-Path entry: a URL relative to the jar's folder, or absolute ({@code file:/...}). */
    private static String resolve(Path base, String entry) {
        java.net.URI uri = base.toUri().resolve(entry);
        return Path.of(uri).toString();
    }

    /** The jars only. */
    public static List<String> jars() {
        return entries().stream().filter(e -> e.endsWith(".jar")).toList();
    }
}
