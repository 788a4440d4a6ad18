package org.terrain4j.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Parsing of the benchmarks' positional arguments: each bad one an {@link IllegalArgumentException}
 * whose message names the argument and the value, for the one-line error the main method prints.
 */
final class BenchArguments {

    private BenchArguments() {
    }

    /**
     * Runs {@code body} on {@code args} if there are as many as {@code usage} names after the
     * program; a bad argument ends the process with status 2 after one line naming it and the usage.
     *
     * @param usage the program's name and its arguments' names, as a usage line shows them
     */
    static void runOrExplain(String usage, String[] args, java.util.function.Consumer<String[]> body) {
        String[] names = usage.split(" ");
        try {
            if (args.length != names.length - 1) {
                throw new IllegalArgumentException("expected " + (names.length - 1) + " arguments, got " + args.length);
            }
            body.accept(args);
        } catch (IllegalArgumentException e) {
            System.err.println(names[0] + ": " + e.getMessage());
            System.err.println("usage: " + usage);
            System.exit(2);
        }
    }

    /** {@code text} as a whole number of at least {@code min}, or an error naming {@code what}. */
    static int number(String what, String text, int min) {
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number, got '" + text + "'");
        }
        if (value < min) {
            throw new IllegalArgumentException(what + " must be at least " + min + ", got " + value);
        }
        return value;
    }

    /** Seeds {@code FIRST-LAST} (or one seed), as {@code {first, last}}. */
    static int[] seedRange(String text) {
        String[] parts = text.split("-", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("seeds must be FIRST-LAST, got '" + text + "'");
        }
        int first = number("seed", parts[0], 0);
        int last = parts.length == 2 ? number("last seed", parts[1], first) : first;
        return new int[] {first, last};
    }

    /** Comma-separated trial counts, each from 1 to {@code trials}. */
    static List<Integer> checkpoints(String text, int trials) {
        List<Integer> checkpoints = new ArrayList<>();
        for (String c : text.split(",", -1)) {
            int checkpoint = number("checkpoint", c, 1);
            if (checkpoint > trials) {
                throw new IllegalArgumentException("checkpoint " + checkpoint + " is beyond TRIALS " + trials);
            }
            checkpoints.add(checkpoint);
        }
        return checkpoints;
    }
}
