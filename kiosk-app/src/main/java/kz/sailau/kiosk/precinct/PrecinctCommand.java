package kz.sailau.kiosk.precinct;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;

/**
 * A command of the replicated precinct ledger. Every command is conditional (applied only if its precondition
 * holds, else answered with a {@link PrecinctOutcome} and nothing changes) and carries a random 128-bit command id:
 * a command whose id was already applied is not applied again but answered with the recorded outcome, so a kiosk
 * retrying after a lost answer, or a replayed message, cannot count twice.
 *
 * <p>By design no command holds both a voter's blind index and a token id: a check-in and the token issued for it
 * are two commands, so the consensus log never links them, and once both are snapshotted nothing on disk orders
 * them (see {@link PrecinctLedgerState}).
 *
 * <p>Wire form (big-endian, {@link DataOutputStream}): version byte {@value #VERSION}, kind byte, 16-byte command
 * id, origin node name (modified UTF-8), then the kind's fields. A kind added later (such as
 * {@link PublishStatus}, kind 10) keeps the version: the form of the earlier kinds is unchanged, and a node of an
 * earlier build refuses the new kind as malformed and changes nothing, the same on every such node.
 */
public sealed interface PrecinctCommand {

    /** Version of the wire form. */
    int VERSION = 1;
    /** Length of a command id. */
    int ID_LENGTH = 16;
    /** Length of a voter blind index (HMAC-SHA-256 of the IIN). */
    int VOTER_INDEX_LENGTH = 32;
    /** Length of a token id. */
    int TOKEN_ID_LENGTH = 16;

    /** The random command id (copy). */
    byte[] commandId();

    /** The node that submitted the command. */
    NodeName origin();

    /**
     * Check in a voter if no node of the precinct has: the kiosk's conditional "check in this blind index if not
     * yet checked in".
     *
     * @param commandId  random id
     * @param origin     the kiosk
     * @param voterIndex the keyed blind index of the voter's IIN, 32 bytes
     * @param method     how the identity was established (the ordinal of {@code CheckInMethod}: fingerprint, card-less, override, fallback)
     */
    record CheckIn(byte[] commandId, NodeName origin, byte[] voterIndex, int method) implements PrecinctCommand {
        /** Validates lengths and method. */
        public CheckIn {
            commandId = checked(commandId, ID_LENGTH, "commandId");
            Objects.requireNonNull(origin, "origin");
            voterIndex = checked(voterIndex, VOTER_INDEX_LENGTH, "voterIndex");
            if (method < 0 || method > 3) {
                throw new IllegalArgumentException("method must be 0..3");
            }
        }

        @Override
        public byte[] commandId() {
            return commandId.clone();
        }

        @Override
        public String toString() {
            return "CheckIn[" + origin + ", ***]";
        }
    }

    /**
     * A voter's mark made on the paper list during an outage, entered afterwards so that it blocks a repeat
     * check-in; refused with {@link PrecinctOutcome#ALREADY_CHECKED_IN} if the voter is already checked in.
     *
     * @param commandId  random id
     * @param origin     the node where the clerk entered it
     * @param voterIndex the voter's blind index
     */
    record PaperMark(byte[] commandId, NodeName origin, byte[] voterIndex) implements PrecinctCommand {
        /** Validates lengths. */
        public PaperMark {
            commandId = checked(commandId, ID_LENGTH, "commandId");
            Objects.requireNonNull(origin, "origin");
            voterIndex = checked(voterIndex, VOTER_INDEX_LENGTH, "voterIndex");
        }

        @Override
        public byte[] commandId() {
            return commandId.clone();
        }

        @Override
        public String toString() {
            return "PaperMark[" + origin + ", ***]";
        }
    }

    /**
     * Record a token id a kiosk issued, if no kiosk issued it before.
     *
     * @param commandId random id
     * @param origin    the kiosk
     * @param tokenId   the token's 128-bit id
     */
    record IssueToken(byte[] commandId, NodeName origin, byte[] tokenId) implements PrecinctCommand {
        /** Validates lengths. */
        public IssueToken {
            commandId = checked(commandId, ID_LENGTH, "commandId");
            Objects.requireNonNull(origin, "origin");
            tokenId = checked(tokenId, TOKEN_ID_LENGTH, "tokenId");
        }

        @Override
        public byte[] commandId() {
            return commandId.clone();
        }
    }

    /**
     * Void an issued token (it failed to print), if it is issued and neither voided nor redeemed.
     *
     * @param commandId random id
     * @param origin    the kiosk
     * @param tokenId   the token's id
     */
    record VoidToken(byte[] commandId, NodeName origin, byte[] tokenId) implements PrecinctCommand {
        /** Validates lengths. */
        public VoidToken {
            commandId = checked(commandId, ID_LENGTH, "commandId");
            Objects.requireNonNull(origin, "origin");
            tokenId = checked(tokenId, TOKEN_ID_LENGTH, "tokenId");
        }

        @Override
        public byte[] commandId() {
            return commandId.clone();
        }
    }

    /**
     * Redeem a token at a ballot desk once: refused if no kiosk issued it, it was voided or it was redeemed.
     *
     * @param commandId random id
     * @param origin    the ballot desk
     * @param tokenId   the token's id
     * @param typed     whether the code was typed rather than scanned
     */
    record RedeemToken(byte[] commandId, NodeName origin, byte[] tokenId, boolean typed) implements PrecinctCommand {
        /** Validates lengths. */
        public RedeemToken {
            commandId = checked(commandId, ID_LENGTH, "commandId");
            Objects.requireNonNull(origin, "origin");
            tokenId = checked(tokenId, TOKEN_ID_LENGTH, "tokenId");
        }

        @Override
        public byte[] commandId() {
            return commandId.clone();
        }
    }

    /**
     * Authorise a machine to join the precinct (a spare kiosk, a replacement): the administrator checked its
     * node certificate against the authority; the ledger records its name, role and certificate fingerprint, and
     * every node then admits exactly that certificate.
     *
     * @param commandId   random id
     * @param origin      the node where the administrator acted
     * @param node        the new node's name
     * @param role        its role
     * @param fingerprint SHA-256 of its certificate, lower-case hex
     */
    record AuthoriseNode(byte[] commandId, NodeName origin, NodeName node, NodeRole role, String fingerprint)
            implements PrecinctCommand {
        /** Validates the fingerprint form. */
        public AuthoriseNode {
            commandId = checked(commandId, ID_LENGTH, "commandId");
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(fingerprint, "fingerprint");
            if (!fingerprint.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("fingerprint must be 64 lower-case hex digits");
            }
        }

        @Override
        public byte[] commandId() {
            return commandId.clone();
        }
    }

    /**
     * Withdraw a machine (dead, stolen, replaced): no node admits its certificate again.
     *
     * @param commandId random id
     * @param origin    the node where the administrator acted
     * @param node      the withdrawn node
     */
    record WithdrawNode(byte[] commandId, NodeName origin, NodeName node) implements PrecinctCommand {
        /** Validates. */
        public WithdrawNode {
            commandId = checked(commandId, ID_LENGTH, "commandId");
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(node, "node");
        }

        @Override
        public byte[] commandId() {
            return commandId.clone();
        }
    }

    /**
     * Changes nothing: committed before a snapshot so that the one log entry a snapshot keeps is this, not a
     * check-in or a token (end of day, and after each quiet spell).
     *
     * @param commandId random id
     * @param origin    the node that sealed
     */
    record Seal(byte[] commandId, NodeName origin) implements PrecinctCommand {
        /** Validates. */
        public Seal {
            commandId = checked(commandId, ID_LENGTH, "commandId");
            Objects.requireNonNull(origin, "origin");
        }

        @Override
        public byte[] commandId() {
            return commandId.clone();
        }
    }

    /**
     * A kiosk opens for check-ins with this register: the first register version a kiosk of the precinct opened
     * with is the precinct's; a kiosk holding another version is answered
     * {@link PrecinctOutcome#REGISTER_MISMATCH} and checks nobody in. Carries the version as the authority signed
     * it in the package and {@code register load} recorded it, and the package file's SHA-256: nothing about any
     * voter. The precinct's kiosks load one precinct package (decision 0250), so a kiosk holding a rebuilt package
     * of the same version, or a package built for it alone, is refused too (decision 0322).
     *
     * @param commandId     random id
     * @param origin        the kiosk
     * @param version       the register version (1 or more)
     * @param packageSha256 the package file's SHA-256, 64 lowercase hex digits
     */
    record OpenRegister(byte[] commandId, NodeName origin, long version, String packageSha256)
            implements PrecinctCommand {
        /** Validates the version and the hash. */
        public OpenRegister {
            commandId = checked(commandId, ID_LENGTH, "commandId");
            Objects.requireNonNull(origin, "origin");
            new PrecinctLedgerState.AgreedRegister(version, packageSha256);
        }

        @Override
        public byte[] commandId() {
            return commandId.clone();
        }
    }

    /**
     * A kiosk's status for the clerk station ({@link KioskStatus}): the ledger keeps the latest of each kiosk,
     * replacing the one before; always accepted. A kiosk publishes it only when it changed. Carries fixed codes and
     * flags, nothing about any voter.
     *
     * @param commandId random id
     * @param origin    the kiosk
     * @param status    what its clerk console shows now
     */
    record PublishStatus(byte[] commandId, NodeName origin, KioskStatus status) implements PrecinctCommand {
        /** Validates. */
        public PublishStatus {
            commandId = checked(commandId, ID_LENGTH, "commandId");
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(status, "status");
        }

        @Override
        public byte[] commandId() {
            return commandId.clone();
        }
    }

    /** A fresh random command id. */
    static byte[] newId(SecureRandom random) {
        byte[] id = new byte[ID_LENGTH];
        random.nextBytes(id);
        return id;
    }

    /** The wire form. */
    static byte[] encode(PrecinctCommand command) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeByte(kind(command));
            out.write(command.commandId());
            out.writeUTF(command.origin().value());
            if (command instanceof CheckIn c) {
                out.write(c.voterIndex);
                out.writeByte(c.method);
            } else if (command instanceof PaperMark p) {
                out.write(p.voterIndex);
            } else if (command instanceof IssueToken t) {
                out.write(t.tokenId);
            } else if (command instanceof VoidToken t) {
                out.write(t.tokenId);
            } else if (command instanceof RedeemToken t) {
                out.write(t.tokenId);
                out.writeBoolean(t.typed);
            } else if (command instanceof AuthoriseNode a) {
                out.writeUTF(a.node.value());
                out.writeUTF(a.role.label());
                out.writeUTF(a.fingerprint);
            } else if (command instanceof WithdrawNode w) {
                out.writeUTF(w.node.value());
            } else if (command instanceof OpenRegister r) {
                out.writeLong(r.version);
                out.write(HexFormat.of().parseHex(r.packageSha256));
            } else if (command instanceof PublishStatus p) {
                p.status.writeTo(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads the wire form.
     *
     * @throws IllegalArgumentException if the bytes are not one whole command of this version
     */
    static PrecinctCommand decode(byte[] data, int offset, int length) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, offset, length))) {
            if (in.readUnsignedByte() != VERSION) {
                throw new IllegalArgumentException("unknown command version");
            }
            int kind = in.readUnsignedByte();
            byte[] id = in.readNBytes(ID_LENGTH);
            NodeName origin = new NodeName(in.readUTF());
            PrecinctCommand command = switch (kind) {
                case 1 -> new CheckIn(id, origin, in.readNBytes(VOTER_INDEX_LENGTH), in.readUnsignedByte());
                case 2 -> new PaperMark(id, origin, in.readNBytes(VOTER_INDEX_LENGTH));
                case 3 -> new IssueToken(id, origin, in.readNBytes(TOKEN_ID_LENGTH));
                case 4 -> new VoidToken(id, origin, in.readNBytes(TOKEN_ID_LENGTH));
                case 5 -> new RedeemToken(id, origin, in.readNBytes(TOKEN_ID_LENGTH), in.readBoolean());
                case 6 -> new AuthoriseNode(id, origin, new NodeName(in.readUTF()), NodeRole.parse(in.readUTF()),
                        in.readUTF());
                case 7 -> new WithdrawNode(id, origin, new NodeName(in.readUTF()));
                case 8 -> new Seal(id, origin);
                case 9 -> new OpenRegister(id, origin, in.readLong(),
                        HexFormat.of().formatHex(in.readNBytes(PrecinctLedgerState.SHA256_LENGTH)));
                case 10 -> new PublishStatus(id, origin, KioskStatus.readFrom(in));
                default -> throw new IllegalArgumentException("unknown command kind " + kind);
            };
            if (in.available() != 0) {
                throw new IllegalArgumentException("trailing bytes after the command");
            }
            return command;
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated command", e);
        }
    }

    private static int kind(PrecinctCommand command) {
        int kind = 0;
        for (Class<?> type : KINDS) {
            kind++;
            if (type.isInstance(command)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown command " + command.getClass().getSimpleName());
    }

    /** The kinds in wire order (kind byte = position + 1). */
    List<Class<? extends PrecinctCommand>> KINDS = List.of(CheckIn.class, PaperMark.class, IssueToken.class,
            VoidToken.class, RedeemToken.class, AuthoriseNode.class, WithdrawNode.class, Seal.class,
            OpenRegister.class, PublishStatus.class);

    private static byte[] checked(byte[] bytes, int length, String what) {
        Objects.requireNonNull(bytes, what);
        if (bytes.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes");
        }
        return bytes.clone();
    }

    /** Hex of a command id, for logs (a command id is random and names nobody). */
    static String hex(byte[] id) {
        return HexFormat.of().formatHex(Arrays.copyOf(id, Math.min(id.length, 4)));
    }
}
