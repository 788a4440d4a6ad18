package org.terrain4j.searchdemo;

import java.nio.file.Path;
import java.util.Objects;
import org.terrain4j.study.prune.Pruner;
import org.terrain4j.study.prune.Pruners;
import org.terrain4j.study.store.StoreLocation;

/**
 * Where and how {@code terrain search} records its study.
 *
 * @param storage the store
 * @param study the study's name
 * @param resume whether an existing study of that name may be continued
 * @param pruner the pruner's name ({@value Pruners#NAMES})
 * @param patience epochs without improvement before the pruner is asked (0: ask every epoch)
 * @param models the folder of the best model, or null for none
 */
public record StudySettings(StoreLocation storage, String study, boolean resume, String pruner, int patience, Path models) {

    public StudySettings {
        Objects.requireNonNull(storage, "storage");
        org.terrain4j.study.store.StudyName.check(study);
        Objects.requireNonNull(pruner, "pruner");
    }

    /** The pruner for trials of {@code epochs} epochs. */
    public Pruner pruner(int epochs) {
        return Pruners.named(pruner, epochs, patience);
    }
}
