package org.terrain4j.study.run;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The driver's end of one worker process of {@link ProcessTrialExecutor}: starts the JVM, which
 * connects back to a loopback socket and proves with a one-time token that it is the process
 * started, then carries Java-serialized {@link RemoteTrial}s one way and {@link TrialOutcome}s
 * the other. A socket rather than the worker's standard output, which the JVM itself writes to
 * when told (a {@code -Xlog} option, a flight recording's start message) and which would then
 * corrupt the stream: the worker's standard output and error are the driver's.
 */
final class WorkerConnection implements Closeable {

    /** How long a worker JVM may take to start and connect. */
    static final long CONNECT_TIMEOUT_MILLIS = 120_000;

    private static final int ACCEPT_POLL_MILLIS = 250;
    /** How long a connection may take to present its token once connected. */
    private static final int TOKEN_TIMEOUT_MILLIS = 10_000;
    private static final SecureRandom TOKENS = new SecureRandom();

    private final Process process;
    private final Socket socket;
    private final ObjectOutputStream out;
    private final ObjectInputStream in;

    private WorkerConnection(Process process, Socket socket) throws IOException {
        this.process = process;
        this.socket = socket;
        this.out = new ObjectOutputStream(new BufferedOutputStream(socket.getOutputStream()));
        out.flush();
        this.in = new ObjectInputStream(new BufferedInputStream(socket.getInputStream()));
    }

    /**
     * Starts {@code java jvmOptions -cp classPath TrialWorker name port token} and waits until
     * it has connected.
     *
     * @throws IOException when the process cannot start, exits before it connects (its exit
     *         code is in the message; the JVM printed why to standard error), or does not connect
     *         within {@link #CONNECT_TIMEOUT_MILLIS}
     */
    static WorkerConnection start(String java, List<String> jvmOptions, String classPath, String name) throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(ACCEPT_POLL_MILLIS);
            byte[] secret = new byte[16];
            TOKENS.nextBytes(secret);
            String token = HexFormat.of().formatHex(secret);
            List<String> command = new ArrayList<>();
            command.add(java);
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(classPath);
            command.add(TrialWorker.class.getName());
            command.add(name);
            command.add(Integer.toString(server.getLocalPort()));
            command.add(token);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            builder.environment().put("OMP_NUM_THREADS", "1");
            Process process = builder.start();
            process.getOutputStream().close(); // the worker reads nothing from standard input
            try {
                return new WorkerConnection(process, accept(server, process, token));
            } catch (IOException | RuntimeException e) {
                process.destroyForcibly();
                throw e;
            }
        }
    }

    private static Socket accept(ServerSocket server, Process process, String token) throws IOException {
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
            socket.setSoTimeout(TOKEN_TIMEOUT_MILLIS);
            try {
                if (token.equals(new DataInputStream(socket.getInputStream()).readUTF())) {
                    socket.setSoTimeout(0);
                    socket.setTcpNoDelay(true);
                    return socket;
                }
            } catch (IOException e) {
                // not our worker: keep waiting for it
            }
            socket.close();
        }
    }

    /**
     * The worker's end: connects to the driver at {@code port} on the loopback interface and
     * presents {@code token}; returns the socket to read trials from and write outcomes to.
     */
    static Socket connectBack(int port, String token) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        DataOutputStream hello = new DataOutputStream(socket.getOutputStream());
        hello.writeUTF(token);
        hello.flush();
        return socket;
    }

    /** Sends one trial and waits for its outcome. */
    TrialOutcome train(RemoteTrial trial) throws IOException, ClassNotFoundException {
        out.writeObject(trial);
        out.flush();
        out.reset();
        return (TrialOutcome) in.readObject();
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
