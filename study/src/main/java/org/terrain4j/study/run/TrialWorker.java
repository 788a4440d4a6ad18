package org.terrain4j.study.run;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;

/**
 * The main class of a worker process of {@link ProcessTrialExecutor}: reads {@link RemoteTrial}s
 * from standard input (Java serialization), trains each, and writes its {@link TrialOutcome}
 * to standard output, until standard input ends. Anything the trial prints goes to standard
 * error, so the stream stays clean.
 */
public final class TrialWorker {

    private TrialWorker() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream protocol = System.out;
        System.setOut(System.err);
        String name = args.length > 0 ? args[0] : Worker.current();
        ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(protocol));
        out.flush();
        try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(System.in))) {
            while (true) {
                RemoteTrial trial;
                try {
                    trial = (RemoteTrial) in.readObject();
                } catch (EOFException e) {
                    return;
                }
                TrialOutcome outcome = trial.run(name);
                out.writeObject(outcome);
                out.flush();
                out.reset();
            }
        }
    }
}
