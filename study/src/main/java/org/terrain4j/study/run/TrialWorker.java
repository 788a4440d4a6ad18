package org.terrain4j.study.run;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The main class of a worker process of {@link ProcessTrialExecutor}: reads its driver's port and
 * their shared secret from standard input, connects back and checks that the driver holds the
 * secret before proving that it does too ({@link WorkerHandshake}), then reads
 * {@link RemoteTrial}s (Java serialization, from the driver it has authenticated, within the
 * bounds of {@link #LIMITS}), trains each while sending heartbeats, and writes its outcome
 * ({@link OutcomeFrames}), until the driver closes the connection or exits. A heartbeat that
 * cannot be sent means the driver is gone (killed): the worker stops at once instead of training
 * an abandoned trial to its end. Anything the trial prints goes to standard error, as the
 * worker's logging does.
 *
 * <pre>echo "PORT SECRET" | java ... org.terrain4j.study.run.TrialWorker NAME</pre>
 */
public final class TrialWorker {

    /** Bounds on what the worker deserializes, even from its authenticated driver. */
    static final ObjectInputFilter LIMITS = ObjectInputFilter.Config.createFilter(
            "maxdepth=1000;maxrefs=10000000;maxarray=100000000;maxbytes=1073741824");

    /** The longest invitation line read from standard input. */
    private static final int MAX_INVITATION = 256;

    private TrialWorker() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: TrialWorker NAME, with the driver's port and secret on standard input "
                    + "(started by ProcessTrialExecutor, not by hand)");
            System.exit(2);
        }
        System.setOut(System.err);
        String name = args[0];
        WorkerHandshake.Invitation invitation;
        try {
            invitation = WorkerHandshake.parseInvitation(readLine(System.in));
        } catch (IllegalArgumentException e) {
            System.err.println(name + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), invitation.port())) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(WorkerHandshake.TIMEOUT_MILLIS);
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            DataInputStream handshakeIn = new DataInputStream(socket.getInputStream());
            try {
                invitation.handshake().workerSide(handshakeIn, out);
            } catch (IOException e) {
                System.err.println(name + ": " + e.getMessage());
                System.exit(3);
            }
            socket.setSoTimeout(0); // trials come when the driver has them
            serve(name, socket, out);
        }
    }

    private static void serve(String name, Socket socket, DataOutputStream out) throws Exception {
        ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(socket.getInputStream()));
        in.setObjectInputFilter(LIMITS);
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "terrain-worker-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        try {
            while (true) {
                RemoteTrial trial;
                try {
                    trial = (RemoteTrial) in.readObject();
                } catch (EOFException | SocketException e) {
                    return; // the driver closed the connection or exited
                }
                var beating = heartbeat.scheduleAtFixedRate(() -> {
                    synchronized (out) {
                        try {
                            OutcomeFrames.writeHeartbeat(out);
                        } catch (IOException e) {
                            // The driver is gone (killed): nobody will read this trial's outcome, and a
                            // resumed search trains it again. Stop now rather than train on to the end.
                            System.err.println(name + ": the driver is gone; the trial is abandoned");
                            Runtime.getRuntime().halt(4);
                        }
                    }
                }, WorkerConnection.HEARTBEAT_MILLIS, WorkerConnection.HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
                TrialOutcome outcome;
                try {
                    outcome = trial.run(name);
                } finally {
                    beating.cancel(false);
                }
                synchronized (out) {
                    OutcomeFrames.writeOutcome(out, outcome);
                }
            }
        } finally {
            heartbeat.shutdownNow();
        }
    }

    /** One line of at most {@link #MAX_INVITATION} bytes, without its line end. */
    static String readLine(InputStream in) throws IOException {
        byte[] line = new byte[MAX_INVITATION];
        int length = 0;
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (length == line.length) {
                throw new IllegalArgumentException("the invitation on standard input is longer than "
                        + MAX_INVITATION + " bytes");
            }
            line[length++] = (byte) b;
        }
        return new String(line, 0, length, StandardCharsets.US_ASCII);
    }
}
