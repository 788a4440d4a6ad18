/**
 * The learning-rate range test on a DL4J network: {@link org.terrain4j.lrfinder.LrFinder}.
 */
package org.terrain4j.lrfinder;
