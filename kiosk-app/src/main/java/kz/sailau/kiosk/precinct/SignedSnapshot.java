package kz.sailau.kiosk.precinct;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalLong;
import kz.sailau.kiosk.crypto.KioskCryptoException;
import kz.sailau.kiosk.crypto.NodeCredentials;
import kz.sailau.kiosk.crypto.NodeIdentity;
import kz.sailau.kiosk.model.PrecinctId;

/**
 * The ledger's snapshot as a node writes it and a leader sends it, signed by the machine that took it (decision
 * 0405): an insider with a stopped node's files cannot add, remove or move a check-in, a token or a redemption in
 * it, change the voting members it carries, or put back an earlier snapshot beside today's log, without the node
 * refusing to start ({@code node.error.ledger}).
 *
 * <p>The signed content: the label {@value #LABEL} (modified UTF-8, so its first byte is 0 and no ledger command,
 * whose first byte is its version, is ever the same bytes), the Raft commit index the snapshot was taken at, the
 * consensus engine's own state written before it (the voting members; length-prefixed) and the ledger state
 * ({@link PrecinctLedgerState#writeTo}) to the end. On disk, after the engine's state: the signer's node certificate
 * (DER, unsigned 16-bit length), the signature ({@code NodeCredentials.COMMAND_SIGNATURE}, unsigned 16-bit length)
 * and the content (32-bit length). The signer is any machine the authority certified for this precinct: a follower
 * keeps the snapshot its leader sent as it came.
 *
 * @param index       the Raft commit index the snapshot reflects
 * @param engineState the engine's state the signer wrote before the ledger (its voting members)
 * @param ledger      the ledger state's bytes
 */
record SignedSnapshot(long index, byte[] engineState, byte[] ledger) {

    /** The first words of the signed content. */
    static final String LABEL = "sailau-precinct-snapshot-1";
    /** The largest content read back (a precinct's ledger is well under a megabyte). */
    static final int MAX_CONTENT = 64 * 1024 * 1024;

    SignedSnapshot {
        Objects.requireNonNull(engineState, "engineState");
        Objects.requireNonNull(ledger, "ledger");
        engineState = engineState.clone();
        ledger = ledger.clone();
    }

    @Override
    public byte[] engineState() {
        return engineState.clone();
    }

    @Override
    public byte[] ledger() {
        return ledger.clone();
    }

    /** Signs this snapshot with the node's key and writes it. */
    void write(DataOutput out, NodeCredentials signer) throws IOException {
        byte[] content = content();
        byte[] certificate;
        try {
            certificate = signer.certificate().orElseThrow().getEncoded();
        } catch (CertificateEncodingException e) {
            throw new KioskCryptoException("node.error.notNodeCertificate", "this node's certificate cannot be encoded",
                    e);
        }
        byte[] signature = signer.signCommand(content);
        out.writeShort(certificate.length);
        out.write(certificate);
        out.writeShort(signature.length);
        out.write(signature);
        out.writeInt(content.length);
        out.write(content);
    }

    private byte[] content() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(ledger.length + engineState.length + 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(LABEL);
            out.writeLong(index);
            out.writeInt(engineState.length);
            out.write(engineState);
            out.write(ledger);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The commit index a written snapshot names, read without checking its signature (for the log's own bookkeeping
     * only: the engine checks the snapshot at start with {@link #read}).
     *
     * @return the index, or empty if the bytes are no snapshot of this form
     */
    static OptionalLong indexOf(ByteBuffer snapshot) {
        byte[] bytes = new byte[snapshot.remaining()];
        snapshot.duplicate().get(bytes);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            in.skipNBytes(in.readUnsignedShort());
            in.skipNBytes(in.readUnsignedShort());
            in.readInt();
            return LABEL.equals(in.readUTF()) ? OptionalLong.of(in.readLong()) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Reads a snapshot and checks its signature: a node certificate the authority issued for {@code precinct}, whose
     * key signed exactly these bytes.
     *
     * @throws DamagedLedgerException if it is not a signed snapshot, or the signature or signer is not one
     */
    static SignedSnapshot read(DataInput in, X509Certificate authority, PrecinctId precinct)
            throws DamagedLedgerException {
        byte[] certificate;
        byte[] signature;
        byte[] content;
        try {
            certificate = bounded(in, in.readUnsignedShort(), SignedCommand.MAX_CERTIFICATE);
            signature = bounded(in, in.readUnsignedShort(), SignedCommand.MAX_SIGNATURE);
            content = bounded(in, in.readInt(), MAX_CONTENT);
        } catch (IOException e) {
            throw new DamagedLedgerException("the ledger snapshot is not a signed snapshot", e);
        }
        CommandSigners.Signer certified = CommandSigners.Signer.certified(certificate, authority).orElseThrow(() ->
                new DamagedLedgerException("the ledger snapshot is signed with a certificate the authority did not "
                        + "issue to a node", null));
        NodeIdentity signer = certified.identity();
        if (!signer.precinct().equals(precinct)) {
            throw new DamagedLedgerException("the ledger snapshot is signed by " + signer.name() + " of precinct "
                    + signer.precinct(), null);
        }
        if (!NodeCredentials.verifyCommand(certified.key(), content, signature)) {
            throw new DamagedLedgerException("the ledger snapshot signed by " + signer.name() + " was changed after "
                    + "it was signed", null);
        }
        try (DataInputStream signed = new DataInputStream(new ByteArrayInputStream(content))) {
            if (!LABEL.equals(signed.readUTF())) {
                throw new DamagedLedgerException("the signed bytes are not a ledger snapshot", null);
            }
            long index = signed.readLong();
            byte[] engineState = bounded(signed, signed.readInt(), MAX_CONTENT);
            return new SignedSnapshot(index, engineState, signed.readAllBytes());
        } catch (IOException e) {
            throw new DamagedLedgerException("the signed ledger snapshot is truncated", e);
        }
    }

    private static byte[] bounded(DataInput in, int length, int max) throws IOException {
        if (length <= 0 || length > max) {
            throw new IOException("length " + length + " out of bounds");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedSnapshot that && index == that.index
                && Arrays.equals(engineState, that.engineState) && Arrays.equals(ledger, that.ledger);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(index) + Arrays.hashCode(engineState)) + Arrays.hashCode(ledger);
    }

    @Override
    public String toString() {
        return "SignedSnapshot[index " + index + ", " + ledger.length + " bytes]";
    }
}
