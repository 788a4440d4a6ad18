/**
 * Offline datasets for examples, tests and benchmarks, returned as DL4J
 * {@link org.nd4j.linalg.dataset.api.iterator.DataSetIterator}s with a seeded, documented
 * train/validation/test split. Nothing here downloads anything.
 *
 * <p>Start at {@link org.terrain4j.data.Datasets}. Every loader checks what it reads: a missing,
 * truncated or corrupt file raises a {@link org.terrain4j.data.DataLoadException} that names the
 * file and what is wrong, never fewer samples than the format promises.
 */
package org.terrain4j.data;
