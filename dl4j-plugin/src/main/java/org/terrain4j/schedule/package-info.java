/**
 * Learning-rate schedules as ND4J {@link org.nd4j.linalg.schedule.ISchedule}s: immutable,
 * stateless and serializable with DL4J's configuration JSON and saved models.
 */
package org.terrain4j.schedule;
