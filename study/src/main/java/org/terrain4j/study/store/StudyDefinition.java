package org.terrain4j.study.store;

import java.util.Objects;

/**
 * What identifies a study: rerunning a search with the same definition continues it; with the
 * same name but another space (epochs per trial included), direction or generator is refused
 * (see {@link StudyStore#open}): its trials would mix with others they cannot be compared to. The
 * seed is the first creator's; workers of a shared study run with seeds of their own, and a
 * runner that is not shared refuses another seed itself.
 *
 * @param name the study's name, 1 to 200 characters
 * @param space the parameter space, described so that two different spaces differ
 * @param direction whether lower or higher scores are better
 * @param generator the generator kind and settings
 * @param seed the seed of the generator
 */
public record StudyDefinition(String name, String space, Direction direction, String generator, long seed) {

    /** How a space description ends with the trials' epoch count (see {@code SpaceDescription}). */
    public static final String EPOCHS = " epochs ";

    /**
     * Whether a stored space description and a requested one describe the same search. A study
     * stored before descriptions carried the epoch count matches the same description with any
     * count (its trials did not record one).
     */
    public static boolean sameSpace(String stored, String requested) {
        int epochs = requested.lastIndexOf(EPOCHS);
        return stored.equals(requested) || !stored.contains(EPOCHS) && epochs >= 0
                && stored.equals(requested.substring(0, epochs));
    }

    /**
     * Checks that this requested definition may continue {@code existing}, the stored study of
     * the same name (every store runs this one check): the same space, direction and generator.
     *
     * @param location the store, for the message
     * @return {@code existing}, whose seed is the creator's
     * @throws StoreException naming what differs
     */
    public StudyDefinition continues(StudyDefinition existing, StoreLocation location) {
        if (!sameSpace(existing.space(), space)) {
            throw new StoreException("study '" + name + "' in " + location
                    + " was created with another search space; use another --study name, or the study's own space");
        }
        if (existing.direction() != direction) {
            throw new StoreException("study '" + name + "' in " + location + " was created to "
                    + existing.direction().name().toLowerCase() + " its score, not to "
                    + direction.name().toLowerCase() + " it; use another --study name");
        }
        if (!existing.generator().equals(generator)) {
            throw new StoreException("study '" + name + "' in " + location + " was created with the "
                    + existing.generator() + " generator, not " + generator
                    + ": resume it with its own generator, or use another --study name");
        }
        return existing;
    }

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
