package org.terrain4j.study.store;

import java.util.Objects;

/**
 * What identifies a study: rerunning a search with the same definition continues it; with the
 * same name but another space or direction is refused (see {@link StudyStore#open}).
 *
 * @param name the study's name, 1 to 200 characters
 * @param space the parameter space, described so that two different spaces differ
 * @param direction whether lower or higher scores are better
 * @param generator the generator kind and settings
 * @param seed the seed of the generator
 */
public record StudyDefinition(String name, String space, Direction direction, String generator, long seed) {

    /** Validates, naming the bad value. */
    public StudyDefinition {
        Objects.requireNonNull(name, "study name");
        if (name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("--study must be 1 to 200 characters, got '" + name + "'");
        }
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(generator, "generator");
    }
}
