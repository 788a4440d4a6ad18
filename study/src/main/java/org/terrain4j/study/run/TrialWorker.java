package org.terrain4j.study.run;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.Socket;
import java.net.SocketException;

/**
 * The main class of a worker process of {@link ProcessTrialExecutor}: connects back to the
 * driver ({@link WorkerConnection}), reads {@link RemoteTrial}s (Java serialization), trains
 * each, and writes its {@link TrialOutcome}, until the driver closes the connection or exits.
 * Anything the trial prints goes to standard error, as the worker's logging does.
 *
 * <pre>java ... org.terrain4j.study.run.TrialWorker NAME PORT TOKEN</pre>
 */
public final class TrialWorker {

    private TrialWorker() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: TrialWorker NAME PORT TOKEN (started by ProcessTrialExecutor, not by hand)");
            System.exit(2);
        }
        System.setOut(System.err);
        String name = args[0];
        try (Socket socket = WorkerConnection.connectBack(Integer.parseInt(args[1]), args[2])) {
            ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            out.flush();
            ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(socket.getInputStream()));
            while (true) {
                RemoteTrial trial;
                try {
                    trial = (RemoteTrial) in.readObject();
                } catch (EOFException | SocketException e) {
                    return; // the driver closed the connection or exited
                }
                TrialOutcome outcome = trial.run(name);
                out.writeObject(outcome);
                out.flush();
                out.reset();
            }
        }
    }
}
