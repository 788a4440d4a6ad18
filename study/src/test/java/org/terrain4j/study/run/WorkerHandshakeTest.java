package org.terrain4j.study.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The mutual proof on real loopback sockets, with impostors on either end. */
class WorkerHandshakeTest {

    /** One connection: the driver's side on the accepted socket, the worker's side on the client one. */
    private interface End {
        Object run(DataInputStream in, DataOutputStream out) throws IOException;
    }

    private static Object[] connect(End driver, End worker) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Object> driven = CompletableFuture.supplyAsync(() -> {
                try (Socket socket = server.accept()) {
                    socket.setSoTimeout(5_000);
                    return driver.run(new DataInputStream(socket.getInputStream()),
                            new DataOutputStream(socket.getOutputStream()));
                } catch (IOException e) {
                    return e;
                }
            });
            Object workerResult;
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                socket.setSoTimeout(5_000);
                try {
                    workerResult = worker.run(new DataInputStream(socket.getInputStream()),
                            new DataOutputStream(socket.getOutputStream()));
                } catch (IOException e) {
                    workerResult = e;
                }
            }
            return new Object[] {driven.get(10, TimeUnit.SECONDS), workerResult};
        }
    }

    @Test
    void bothEndsHoldingTheSecretProveThemselves() throws Exception {
        WorkerHandshake shared = WorkerHandshake.generate();
        WorkerHandshake worker = WorkerHandshake.parseInvitation(shared.forWorker(4242)).handshake();

        Object[] results = connect(shared::driverSide, (in, out) -> {
            worker.workerSide(in, out);
            return "proved";
        });

        assertThat(results).containsExactly(true, "proved");
    }

    @Test
    void aWorkerWithAnotherSecretIsRefused() throws Exception {
        Object[] results = connect(WorkerHandshake.generate()::driverSide, (in, out) -> {
            WorkerHandshake.generate().workerSide(in, out);
            return "proved";
        });

        assertThat(results[0]).isEqualTo(false);
        assertThat(results[1]).isInstanceOf(IOException.class);
    }

    @Test
    void aPeerThatSendsAnythingElseIsRefused() throws Exception {
        Object[] results = connect(WorkerHandshake.generate()::driverSide, (in, out) -> {
            out.writeUTF("hello");
            out.write(new byte[64]);
            out.flush();
            return "sent";
        });

        assertThat(results[0]).isEqualTo(false);
    }

    @Test
    void aListenerWithoutTheSecretGetsOnlyTheGreetingAndANonce() throws Exception {
        // Another user's process on the driver's port (the driver exited): it answers with
        // random bytes where the driver's nonce and proof go.
        WorkerHandshake worker = WorkerHandshake.generate();
        Object[] results = connect((in, out) -> {
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[2 + WorkerHandshake.GREETING.length() + 32];
            in.readFully(buffer);
            received.write(buffer);
            out.write(new byte[64]);
            out.flush();
            received.write(in.readAllBytes()); // until the worker closes
            return received.size();
        }, (in, out) -> {
            worker.workerSide(in, out);
            return "proved";
        });

        assertThat(results[1]).isInstanceOf(IOException.class);
        assertThat(((IOException) results[1]).getMessage()).contains("did not prove it holds the worker's secret");
        assertThat(results[0]).isEqualTo(2 + WorkerHandshake.GREETING.length() + 32);
    }

    @Test
    void aRecordedProofCannotBeReplayed() throws Exception {
        WorkerHandshake shared = WorkerHandshake.generate();
        byte[][] recorded = new byte[2][];
        // A real exchange, its bytes from the worker recorded.
        connect(shared::driverSide, (in, out) -> {
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            shared.workerSide(in, new DataOutputStream(new Tee(out, copy)));
            recorded[0] = copy.toByteArray();
            return null;
        });
        // The same bytes sent again, to a driver that now picks another nonce.
        Object[] results = connect(shared::driverSide, (in, out) -> {
            out.write(recorded[0]);
            out.flush();
            in.readNBytes(64);
            return null;
        });

        assertThat(results[0]).isEqualTo(false);
    }

    @Test
    void theInvitationCarriesThePortAndTheSecretAndNothingPrintsTheSecret() {
        WorkerHandshake handshake = WorkerHandshake.generate();
        String line = handshake.forWorker(40123);

        WorkerHandshake.Invitation invitation = WorkerHandshake.parseInvitation(line);

        assertThat(invitation.port()).isEqualTo(40123);
        assertThat(line).matches("40123 [0-9a-f]{64}\n");
        assertThat(handshake.toString()).doesNotContain(line.substring(6, 70));
        for (String bad : new String[] {"", "40123", "40123 abc", "99999 " + "a".repeat(64), "x " + "a".repeat(64),
                "40123 " + "A".repeat(64)}) {
            assertThatThrownBy(() -> WorkerHandshake.parseInvitation(bad))
                    .hasMessageContaining("port and a 64-digit hex secret");
        }
    }

    @Test
    void theWorkerReadsABoundedLineFromStandardInput() throws IOException {
        InputStream in = new ByteArrayInputStream("123 abc\nmore".getBytes(StandardCharsets.US_ASCII));
        assertThat(TrialWorker.readLine(in)).isEqualTo("123 abc");
        InputStream endless = new ByteArrayInputStream(new byte[10_000]);
        assertThatThrownBy(() -> TrialWorker.readLine(endless)).hasMessageContaining("longer than 256 bytes");
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int value) throws IOException {
            a.write(value);
            b.write(value);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            a.write(bytes, offset, length);
            b.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
        }
    }
}
