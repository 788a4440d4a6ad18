package org.terrain4j.study.store;

import java.util.regex.Pattern;

/**
 * What a study may be called: a name that is safe as a folder name (the command line keeps a
 * study's best model under {@code terrain-models/NAME}) and to print to a terminal: 1 to 100
 * letters, digits, {@code .}, {@code _} and {@code -}, starting with a letter or digit. So no
 * {@code ..}, no path separator, no newline and no terminal escape can come in through a name.
 */
public final class StudyName {

    /** The longest name. */
    public static final int MAX_LENGTH = 100;

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_LENGTH - 1) + "}");

    private StudyName() {
    }

    /**
     * The name itself when valid.
     *
     * @throws IllegalArgumentException naming the rule, with the name's printable characters only
     */
    public static String check(String name) {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("study name " + (name == null ? "null" : "'" + printable(name) + "'")
                    + " is not 1 to " + MAX_LENGTH + " letters, digits, '.', '_' or '-' starting with a letter or digit");
        }
        return name;
    }

    /** {@code text} with control characters shown as {@code \\uXXXX}, cut at 2 * MAX_LENGTH characters. */
    private static String printable(String text) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().limit(2L * MAX_LENGTH).forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return text.codePointCount(0, text.length()) > 2 * MAX_LENGTH ? shown + "..." : shown.toString();
    }
}
