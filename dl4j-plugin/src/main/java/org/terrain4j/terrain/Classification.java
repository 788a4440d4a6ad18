package org.terrain4j.terrain;

/**
 * A terrain and the reason for naming it, in words fit for a log line.
 *
 * @param terrain the terrain
 * @param reason the evidence, e.g. "loss is NaN"
 */
public record Classification(Terrain terrain, String reason) {
}
