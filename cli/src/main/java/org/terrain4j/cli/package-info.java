/**
 * The {@code terrain} command line (picocli). Exit codes: 0 success, 2 usage error, 1 failure.
 * Errors are one line on stderr; {@code --verbose} adds the stack trace.
 */
package org.terrain4j.cli;
