/** Examples to copy into your own code: Terrain with DL4J's own tools. */
package org.terrain4j.examples;
