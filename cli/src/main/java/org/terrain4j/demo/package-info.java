/**
 * The {@code terrain demo} comparison: one network trained from one seed under different
 * learning-rate control, epoch by epoch, summarised side by side. Training and evaluation live
 * in {@link org.terrain4j.demo.TrainingRun}; the table is a pure function of the results.
 */
package org.terrain4j.demo;
