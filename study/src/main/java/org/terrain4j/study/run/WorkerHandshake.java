package org.terrain4j.study.run;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret a driver shares with one worker process, and the proofs by which each end of the
 * loopback connection shows the other that it holds it, before either reads anything else from
 * the other.
 *
 * <p>Any local user can connect to a loopback port, list the listening ones, and read every
 * process's command line in {@code /proc}. So the secret never goes on a command line (the
 * driver writes it to the worker's standard input, see {@link #forWorker}) nor on the wire: each
 * end sends a fresh random nonce, and each proves itself with an HMAC-SHA256 of both nonces under
 * the secret, with a label of its role, so that no proof can be replayed in another connection
 * or reflected back as the other role's. The driver proves itself first: the worker learns that
 * it talks to its driver before it deserializes a trial (which carries the store's location, a
 * database password included); the driver then checks the worker's proof before it reads any
 * outcome. Proofs are compared in constant time.
 */
final class WorkerHandshake {

    /** What a worker says first: the protocol and its version. */
    static final String GREETING = "terrain-worker/2";

    /** How long a connection may take over its handshake. */
    static final int TIMEOUT_MILLIS = 10_000;

    private static final int SECRET_BYTES = 32;
    private static final int NONCE_BYTES = 32;
    private static final int PROOF_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret;

    private WorkerHandshake(byte[] secret) {
        this.secret = secret;
    }

    /** A fresh secret, for one worker. */
    static WorkerHandshake generate() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return new WorkerHandshake(secret);
    }

    /**
     * The line the driver writes to a worker's standard input: the port to connect to and the
     * secret, in hex.
     */
    String forWorker(int port) {
        return port + " " + HexFormat.of().formatHex(secret) + "\n";
    }

    /**
     * What a worker read from its standard input ({@link #forWorker}).
     *
     * @throws IllegalArgumentException naming what is wrong, when the line is not a port and a
     *         secret of the right length
     */
    static Invitation parseInvitation(String line) {
        String[] parts = line == null ? new String[0] : line.strip().split(" ");
        if (parts.length != 2 || !parts[0].matches("[0-9]{1,5}") || Integer.parseInt(parts[0]) > 65535
                || !parts[1].matches("[0-9a-f]{" + 2 * SECRET_BYTES + "}")) {
            throw new IllegalArgumentException("a worker's standard input must be its driver's port and a "
                    + 2 * SECRET_BYTES + "-digit hex secret on one line (the worker is started by ProcessTrialExecutor, "
                    + "not by hand)");
        }
        return new Invitation(Integer.parseInt(parts[0]), new WorkerHandshake(HexFormat.of().parseHex(parts[1])));
    }

    /** A worker's instructions: where its driver listens and the secret they share. */
    record Invitation(int port, WorkerHandshake handshake) {
    }

    /**
     * The driver's side, on a connection just accepted: reads the greeting and the peer's nonce,
     * proves itself, and checks the peer's proof.
     *
     * @return whether the peer proved that it is the worker holding this secret; a peer that did
     *         not has been sent only a nonce and a proof it cannot use elsewhere
     * @throws IOException when the connection fails or stalls (its read timeout is the caller's)
     */
    boolean driverSide(DataInputStream in, DataOutputStream out) throws IOException {
        if (!GREETING.equals(in.readUTF())) {
            return false;
        }
        byte[] workerNonce = in.readNBytes(NONCE_BYTES);
        if (workerNonce.length != NONCE_BYTES) {
            return false;
        }
        byte[] driverNonce = nonce();
        out.write(driverNonce);
        out.write(proof("driver", workerNonce, driverNonce));
        out.flush();
        byte[] workerProof = in.readNBytes(PROOF_BYTES);
        return MessageDigest.isEqual(workerProof, proof("worker", workerNonce, driverNonce));
    }

    /**
     * The worker's side, on a connection to its driver: greets, checks the driver's proof, and
     * proves itself.
     *
     * @throws IOException when the connection fails, or when the peer did not prove that it is
     *         the driver holding this secret (then the worker has sent only its greeting and nonce)
     */
    void workerSide(DataInputStream in, DataOutputStream out) throws IOException {
        byte[] workerNonce = nonce();
        out.writeUTF(GREETING);
        out.write(workerNonce);
        out.flush();
        byte[] driverNonce = in.readNBytes(NONCE_BYTES);
        byte[] driverProof = in.readNBytes(PROOF_BYTES);
        if (driverNonce.length != NONCE_BYTES
                || !MessageDigest.isEqual(driverProof, proof("driver", workerNonce, driverNonce))) {
            throw new IOException("the process listening on the driver's port did not prove it holds the worker's "
                    + "secret; nothing was sent to it");
        }
        out.write(proof("worker", workerNonce, driverNonce));
        out.flush();
    }

    private static byte[] nonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    private byte[] proof(String role, byte[] workerNonce, byte[] driverNonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((GREETING + " " + role).getBytes(StandardCharsets.US_ASCII));
            mac.update(workerNonce);
            mac.update(driverNonce);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "WorkerHandshake[secret hidden]";
    }
}
