package org.terrain4j.study.run;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The driver's end of one worker process of {@link ProcessTrialExecutor}: starts the JVM, writes
 * it the port of a loopback socket and a one-time secret on its standard input (never on its
 * command line, which any local user can read in {@code /proc}), accepts the connection that
 * proves it holds the secret ({@link WorkerHandshake}, mutual: the worker checks the driver's
 * proof too), then sends Java-serialized {@link RemoteTrial}s one way and reads
 * {@link OutcomeFrames} (plain fields, nothing deserialized) the other. A socket rather than the
 * worker's standard output, which the JVM itself writes to when told (a {@code -Xlog} option, a
 * flight recording's start message) and which would then corrupt the stream: the worker's
 * standard output and error are the driver's.
 *
 * <p>While a trial trains the worker sends a heartbeat every {@link #HEARTBEAT_MILLIS}; a worker
 * silent for {@link #SILENCE_TIMEOUT_MILLIS} (hung, or stopped by a signal) fails its trial and
 * is replaced instead of holding the search forever.
 */
final class WorkerConnection implements Closeable {

    /** How long a worker JVM may take to start and connect. */
    static final long CONNECT_TIMEOUT_MILLIS = 120_000;
    /** How often a worker that trains says so. */
    static final int HEARTBEAT_MILLIS = 5_000;
    /** How long the driver waits for a frame of a worker that trains before it gives up on it. */
    static final int SILENCE_TIMEOUT_MILLIS = 120_000;

    private static final int ACCEPT_POLL_MILLIS = 250;

    private final Process process;
    private final Socket socket;
    private final ObjectOutputStream out;
    private final DataInputStream in;

    private WorkerConnection(Process process, Socket socket) throws IOException {
        this.process = process;
        this.socket = socket;
        this.out = new ObjectOutputStream(new BufferedOutputStream(socket.getOutputStream()));
        out.flush();
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
    }

    /**
     * Starts {@code java jvmOptions -cp classPath TrialWorker name}, writes it where to connect and
     * its secret, and waits until it has connected and proved itself.
     *
     * @throws IOException when the process cannot start, exits before it connects (its exit
     *         code is in the message; the JVM printed why to standard error), or does not connect
     *         within {@link #CONNECT_TIMEOUT_MILLIS}
     */
    static WorkerConnection start(String java, List<String> jvmOptions, String classPath, String name,
            java.util.Map<String, String> environment) throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(ACCEPT_POLL_MILLIS);
            WorkerHandshake handshake = WorkerHandshake.generate();
            List<String> command = new ArrayList<>();
            command.add(java);
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(classPath);
            command.add(TrialWorker.class.getName());
            command.add(name);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            builder.environment().put("OMP_NUM_THREADS", "1");
            builder.environment().putAll(environment); // the store's password: never on a command line, never sent
            Process process = builder.start();
            try {
                try (OutputStream invitation = process.getOutputStream()) {
                    invitation.write(handshake.forWorker(server.getLocalPort()).getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // the process exited before reading it: accept says with which code
                }
                return new WorkerConnection(process, accept(server, process, handshake));
            } catch (IOException | RuntimeException e) {
                process.destroyForcibly();
                throw e;
            }
        }
    }

    private static Socket accept(ServerSocket server, Process process, WorkerHandshake handshake) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CONNECT_TIMEOUT_MILLIS);
        while (true) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (SocketTimeoutException e) {
                if (!process.isAlive()) {
                    throw new IOException("exited with code " + process.exitValue() + " before it connected");
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("did not connect within " + CONNECT_TIMEOUT_MILLIS / 1000 + " s of starting");
                }
                continue;
            }
            socket.setSoTimeout(WorkerHandshake.TIMEOUT_MILLIS);
            try {
                if (handshake.driverSide(new DataInputStream(socket.getInputStream()),
                        new DataOutputStream(socket.getOutputStream()))) {
                    socket.setSoTimeout(SILENCE_TIMEOUT_MILLIS);
                    socket.setTcpNoDelay(true);
                    return socket;
                }
            } catch (IOException e) {
                // not our worker: keep waiting for it
            }
            socket.close();
        }
    }

    /** Sends one trial and waits for its outcome. */
    TrialOutcome train(RemoteTrial trial) throws IOException {
        out.writeObject(trial);
        out.flush();
        out.reset();
        return OutcomeFrames.readOutcome(in);
    }
    boolean isAlive() {
        return process.isAlive();
    }

    /** Why the worker stopped answering: its exit code when it exited, else that it stopped answering. */
    String whyItStopped() {
        try {
            if (process.waitFor(5, TimeUnit.SECONDS)) {
                int code = process.exitValue();
                return "exited with code " + code + (code == 137 ? " (killed: out of memory?)" : "");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "stopped answering";
    }

    /** Ends the connection: the worker sees the end of its input and exits, or is killed after 10 s. */
    @Override
    public void close() {
        try {
            socket.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }

    /** Kills the worker at once (a running trial is lost). */
    void kill() {
        process.destroyForcibly();
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
