package kz.sailau.kiosk.precinct;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;

/**
 * The state the replicated commands build, the same on every node: the set of checked-in voters (blind indexes)
 * with the node that recorded each, the ballot tokens with their status, the kiosk that issued each and the node that
 * voided or redeemed it, counts per node, the nodes the administrator authorised or withdrew, and the
 * outcome of every command id applied (so a retry or a replay is answered, not applied twice), the register
 * the precinct opened with (the first a kiosk opened with; a kiosk with another is refused), and the latest status
 * each kiosk published for the clerk station ({@link KioskStatus}: one per kiosk, replaced, never a history). Deterministic: the
 * outcome of a command depends only on this state and the command, never on time or on the node applying it.
 *
 * <p>Secrecy: every collection is sorted by its random or keyed value (blind index, token id, command id, node
 * name), so the {@linkplain #writeTo snapshot} is canonical: two ledgers that applied the same commands in any
 * order that gives the same sets write the same bytes, and nothing in them says which check-in came first or which
 * token went with which voter. Not thread-safe: the Raft thread applies commands one at a time and reads are
 * synchronised by the caller.
 */
public final class PrecinctLedgerState {

    /** Magic and version at the start of a snapshot. */
    static final String SNAPSHOT_FORMAT = "sailau-precinct-ledger-5";
    /** Bytes of a SHA-256 (a register package's hash). */
    static final int SHA256_LENGTH = 32;

    /** Token status. */
    enum TokenStatus {
        ISSUED, VOIDED, REDEEMED
    }

    /** Per-node counters, by counter name. */
    public enum Count {
        /** Check-ins by card and fingerprint (method 0, in the order of {@code CheckInMethod}). */
        CHECK_IN_FINGERPRINT,
        /** Card-less check-ins by fingerprint 1:N (method 1). */
        CHECK_IN_CARDLESS,
        /** Check-ins by clerk override (method 2). */
        CHECK_IN_OVERRIDE,
        /** Check-ins in the fallback procedure (method 3). */
        CHECK_IN_FALLBACK,
        /** Paper marks entered after an outage. */
        PAPER_MARK,
        /** Tokens issued. */
        TOKEN_ISSUED,
        /** Tokens voided. */
        TOKEN_VOIDED,
        /** Tokens redeemed. */
        TOKEN_REDEEMED,
        /** Seals committed (so a test or the administrator can see that every node applied the day's seal). */
        SEAL
    }

    /**
     * A node the administrator authorised during the day.
     *
     * @param role        its role
     * @param fingerprint its certificate's SHA-256
     */
    public record AuthorisedNode(NodeRole role, String fingerprint) {
    }

    /**
     * The register the precinct opened with: its version and the SHA-256 of its package file (no personal data).
     * Two packages of one version built separately (a rebuild, or one package per kiosk) differ in their hash.
     *
     * @param version       register version (1 or more)
     * @param packageSha256 the package file's SHA-256, 64 lowercase hex digits (as {@code register load} records it)
     */
    public record AgreedRegister(long version, String packageSha256) {
        /** Validates both. */
        public AgreedRegister {
            if (version < 1) {
                throw new IllegalArgumentException("version must be 1 or more");
            }
            Objects.requireNonNull(packageSha256, "packageSha256");
            if (!packageSha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("packageSha256 must be 64 lowercase hex digits");
            }
        }

        /** For logs and the clerk: the version and the hash's first 12 digits. */
        public String describe() {
            return "register version " + version + " (package " + packageSha256.substring(0, 12) + "…)";
        }
    }

    /**
     * Who recorded a voter: the node, and whether by a check-in or a paper mark (for the end-of-day bundle's counts
     * per kiosk; never when).
     *
     * @param origin the node
     * @param paper  a paper mark entered after an outage, not a check-in
     */
    record VoterMark(NodeName origin, boolean paper) {
    }

    /**
     * A token's status, the kiosk that issued it, and the node that voided or redeemed it.
     *
     * @param status  its status
     * @param issuer  the kiosk
     * @param changer the node that voided or redeemed it, if either happened
     */
    record Token(TokenStatus status, NodeName issuer, Optional<NodeName> changer) {
    }

    private final NavigableMap<Key, VoterMark> checkedIn = new TreeMap<>();
    private final NavigableMap<Key, Token> tokens = new TreeMap<>();
    private final NavigableMap<Key, PrecinctOutcome> applied = new TreeMap<>();
    private final NavigableMap<NodeName, long[]> counts = new TreeMap<>();
    private final NavigableMap<NodeName, AuthorisedNode> authorised = new TreeMap<>();
    private final NavigableSet<NodeName> withdrawn = new TreeSet<>();
    private Optional<AgreedRegister> register = Optional.empty();
    /** The latest status of each kiosk that published one, by name: one entry per kiosk, replaced, never a list. */
    private final NavigableMap<NodeName, KioskStatus> statuses = new TreeMap<>();

    /**
     * Applies a command (or answers its recorded outcome if its id was applied before).
     *
     * @return the outcome and whether it was a repeat of an applied command id
     */
    public Applied apply(PrecinctCommand command) {
        Objects.requireNonNull(command, "command");
        Key id = new Key(command.commandId());
        PrecinctOutcome earlier = applied.get(id);
        if (earlier != null) {
            return new Applied(earlier, true);
        }
        PrecinctOutcome outcome = decide(command);
        applied.put(id, outcome);
        return new Applied(outcome, false);
    }

    /**
     * The result of {@link #apply}.
     *
     * @param outcome  the outcome
     * @param repeated true if the command id had been applied before (a retry or a replay): nothing changed now
     */
    public record Applied(PrecinctOutcome outcome, boolean repeated) {
    }

    private PrecinctOutcome decide(PrecinctCommand command) {
        if (total(Count.SEAL) > 0 && changesTheDay(command)) {
            return PrecinctOutcome.DAY_SEALED;
        }
        if (command instanceof PrecinctCommand.CheckIn c) {
            if (checkedIn.putIfAbsent(new Key(c.voterIndex()), new VoterMark(c.origin(), false)) != null) {
                return PrecinctOutcome.ALREADY_CHECKED_IN;
            }
            increment(c.origin(), Count.values()[c.method()]);
        } else if (command instanceof PrecinctCommand.PaperMark p) {
            if (checkedIn.putIfAbsent(new Key(p.voterIndex()), new VoterMark(p.origin(), true)) != null) {
                return PrecinctOutcome.ALREADY_CHECKED_IN;
            }
            increment(p.origin(), Count.PAPER_MARK);
        } else if (command instanceof PrecinctCommand.IssueToken t) {
            if (tokens.putIfAbsent(new Key(t.tokenId()), new Token(TokenStatus.ISSUED, t.origin(), Optional.empty()))
                    != null) {
                return PrecinctOutcome.ALREADY_ISSUED;
            }
            increment(t.origin(), Count.TOKEN_ISSUED);
        } else if (command instanceof PrecinctCommand.VoidToken t) {
            PrecinctOutcome refusal = changeToken(new Key(t.tokenId()), TokenStatus.VOIDED, t.origin());
            if (refusal != PrecinctOutcome.ACCEPTED) {
                return refusal;
            }
            increment(t.origin(), Count.TOKEN_VOIDED);
        } else if (command instanceof PrecinctCommand.RedeemToken t) {
            PrecinctOutcome refusal = changeToken(new Key(t.tokenId()), TokenStatus.REDEEMED, t.origin());
            if (refusal != PrecinctOutcome.ACCEPTED) {
                return refusal;
            }
            increment(t.origin(), Count.TOKEN_REDEEMED);
        } else if (command instanceof PrecinctCommand.AuthoriseNode a) {
            if (withdrawn.contains(a.node())) {
                return PrecinctOutcome.NOT_AUTHORISED;
            }
            authorised.put(a.node(), new AuthorisedNode(a.role(), a.fingerprint()));
        } else if (command instanceof PrecinctCommand.WithdrawNode w) {
            authorised.remove(w.node());
            withdrawn.add(w.node());
        } else if (command instanceof PrecinctCommand.Seal s) {
            increment(s.origin(), Count.SEAL);
        } else if (command instanceof PrecinctCommand.OpenRegister r) {
            AgreedRegister opened = new AgreedRegister(r.version(), r.packageSha256());
            if (register.isEmpty()) {
                register = Optional.of(opened);
            } else if (!register.get().equals(opened)) {
                return PrecinctOutcome.REGISTER_MISMATCH;
            }
        } else if (command instanceof PrecinctCommand.PublishStatus p) {
            statuses.put(p.origin(), p.status());
        }
        return PrecinctOutcome.ACCEPTED;
    }

    /**
     * Whether a command changes what the day's bundles list (check-ins, paper marks, tokens): refused once the day
     * is sealed, so that every node closes on the same ledger whenever its {@code close} comes (decision 0471).
     */
    private static boolean changesTheDay(PrecinctCommand command) {
        return command instanceof PrecinctCommand.CheckIn || command instanceof PrecinctCommand.PaperMark
                || command instanceof PrecinctCommand.IssueToken || command instanceof PrecinctCommand.VoidToken
                || command instanceof PrecinctCommand.RedeemToken;
    }

    private PrecinctOutcome changeToken(Key id, TokenStatus to, NodeName changer) {
        Token token = tokens.get(id);
        if (token == null) {
            return PrecinctOutcome.UNKNOWN_TOKEN;
        }
        if (token.status() == TokenStatus.REDEEMED) {
            return PrecinctOutcome.ALREADY_REDEEMED;
        }
        if (token.status() == TokenStatus.VOIDED) {
            return PrecinctOutcome.TOKEN_VOIDED;
        }
        tokens.put(id, new Token(to, token.issuer(), Optional.of(changer)));
        return PrecinctOutcome.ACCEPTED;
    }

    private void increment(NodeName node, Count count) {
        counts.computeIfAbsent(node, n -> new long[Count.values().length])[count.ordinal()]++;
    }

    /** Whether a voter (blind index) is checked in or marked on paper. */
    public boolean isCheckedIn(byte[] voterIndex) {
        return checkedIn.containsKey(new Key(voterIndex));
    }

    /** A token's status, if any kiosk issued it. */
    Optional<TokenStatus> token(byte[] tokenId) {
        return Optional.ofNullable(tokens.get(new Key(tokenId))).map(Token::status);
    }

    /** Number of voters checked in or marked, precinct-wide. */
    public long checkedInCount() {
        return checkedIn.size();
    }

    /** One counter of one node (0 if the node did nothing). */
    public long count(NodeName node, Count count) {
        long[] values = counts.get(node);
        return values == null ? 0 : values[count.ordinal()];
    }

    /** One counter summed over every node. */
    public long total(Count count) {
        long sum = 0;
        for (long[] values : counts.values()) {
            sum += values[count.ordinal()];
        }
        return sum;
    }

    /** The nodes that submitted anything, by name. */
    public NavigableSet<NodeName> nodesWithCounts() {
        return Collections.unmodifiableNavigableSet(counts.navigableKeySet());
    }

    /** Tokens by status: issued and still valid, voided, redeemed. */
    long tokens(TokenStatus status) {
        return tokens.values().stream().filter(t -> t.status() == status).count();
    }

    /** Every voter recorded, with who recorded it, in blind-index order (the bundle's order: never arrival). */
    void forEachVoter(BiConsumer<byte[], VoterMark> action) {
        checkedIn.forEach((key, mark) -> action.accept(key.bytes.clone(), mark));
    }

    /** Every token, in token-id order. */
    void forEachToken(BiConsumer<byte[], Token> action) {
        tokens.forEach((key, token) -> action.accept(key.bytes.clone(), token));
    }

    /** The withdrawn nodes, by name. */
    NavigableSet<NodeName> withdrawn() {
        return Collections.unmodifiableNavigableSet(withdrawn);
    }

    /** The nodes the administrator authorised during the day. */
    public Map<NodeName, AuthorisedNode> authorised() {
        return Collections.unmodifiableMap(authorised);
    }

    /** Whether the administrator withdrew a node. */
    public boolean isWithdrawn(NodeName node) {
        return withdrawn.contains(node);
    }

    /** The register the precinct opened with (the first a kiosk opened with), if a kiosk opened yet. */
    public Optional<AgreedRegister> register() {
        return register;
    }

    /** The latest status each kiosk published, by kiosk name (for the clerk station). */
    public NavigableMap<NodeName, KioskStatus> statuses() {
        return new TreeMap<>(statuses);
    }

    /** Writes the state canonically (every collection in key order; no time, no arrival order). */
    public void writeTo(DataOutput out) throws IOException {
        out.writeUTF(SNAPSHOT_FORMAT);
        out.writeInt(checkedIn.size());
        for (Map.Entry<Key, VoterMark> voter : checkedIn.entrySet()) {
            out.write(voter.getKey().bytes);
            out.writeUTF(voter.getValue().origin().value());
            out.writeBoolean(voter.getValue().paper());
        }
        out.writeInt(tokens.size());
        for (Map.Entry<Key, Token> token : tokens.entrySet()) {
            out.write(token.getKey().bytes);
            out.writeByte(token.getValue().status().ordinal());
            out.writeUTF(token.getValue().issuer().value());
            out.writeUTF(token.getValue().changer().map(NodeName::value).orElse(""));
        }
        out.writeInt(applied.size());
        for (Map.Entry<Key, PrecinctOutcome> command : applied.entrySet()) {
            out.write(command.getKey().bytes);
            out.writeByte(command.getValue().ordinal());
        }
        out.writeInt(counts.size());
        for (Map.Entry<NodeName, long[]> node : counts.entrySet()) {
            out.writeUTF(node.getKey().value());
            out.writeByte(node.getValue().length);
            for (long value : node.getValue()) {
                out.writeLong(value);
            }
        }
        out.writeInt(authorised.size());
        for (Map.Entry<NodeName, AuthorisedNode> node : authorised.entrySet()) {
            out.writeUTF(node.getKey().value());
            out.writeUTF(node.getValue().role().label());
            out.writeUTF(node.getValue().fingerprint());
        }
        out.writeInt(withdrawn.size());
        for (NodeName node : withdrawn) {
            out.writeUTF(node.value());
        }
        out.writeBoolean(register.isPresent());
        if (register.isPresent()) {
            out.writeLong(register.get().version());
            out.write(HexFormat.of().parseHex(register.get().packageSha256()));
        }
        out.writeInt(statuses.size());
        for (Map.Entry<NodeName, KioskStatus> kiosk : statuses.entrySet()) {
            out.writeUTF(kiosk.getKey().value());
            kiosk.getValue().writeTo(out);
        }
    }

    /**
     * Replaces the state with a snapshot written by {@link #writeTo}.
     *
     * @throws IOException if the snapshot is not one
     */
    public void readFrom(DataInput in) throws IOException {
        if (!SNAPSHOT_FORMAT.equals(in.readUTF())) {
            throw new IOException("not a precinct ledger snapshot");
        }
        checkedIn.clear();
        tokens.clear();
        applied.clear();
        counts.clear();
        authorised.clear();
        withdrawn.clear();
        statuses.clear();
        for (int i = 0, n = size(in); i < n; i++) {
            Key voter = new Key(read(in, PrecinctCommand.VOTER_INDEX_LENGTH));
            checkedIn.put(voter, new VoterMark(new NodeName(in.readUTF()), in.readBoolean()));
        }
        for (int i = 0, n = size(in); i < n; i++) {
            Key id = new Key(read(in, PrecinctCommand.TOKEN_ID_LENGTH));
            TokenStatus status = TokenStatus.values()[in.readUnsignedByte() % TokenStatus.values().length];
            NodeName issuer = new NodeName(in.readUTF());
            String changer = in.readUTF();
            tokens.put(id, new Token(status, issuer, changer.isEmpty() ? Optional.empty()
                    : Optional.of(new NodeName(changer))));
        }
        for (int i = 0, n = size(in); i < n; i++) {
            Key id = new Key(read(in, PrecinctCommand.ID_LENGTH));
            applied.put(id, PrecinctOutcome.of(in.readUnsignedByte()));
        }
        for (int i = 0, n = size(in); i < n; i++) {
            NodeName node = new NodeName(in.readUTF());
            int length = in.readUnsignedByte();
            long[] values = new long[Count.values().length];
            for (int j = 0; j < length; j++) {
                long value = in.readLong();
                if (j < values.length) {
                    values[j] = value;
                }
            }
            counts.put(node, values);
        }
        for (int i = 0, n = size(in); i < n; i++) {
            authorised.put(new NodeName(in.readUTF()),
                    new AuthorisedNode(NodeRole.parse(in.readUTF()), in.readUTF()));
        }
        for (int i = 0, n = size(in); i < n; i++) {
            withdrawn.add(new NodeName(in.readUTF()));
        }
        register = in.readBoolean() ? Optional.of(new AgreedRegister(in.readLong(), sha256(in))) : Optional.empty();
        for (int i = 0, n = size(in); i < n; i++) {
            NodeName kiosk = new NodeName(in.readUTF());
            try {
                statuses.put(kiosk, KioskStatus.readFrom(in));
            } catch (IllegalArgumentException e) {
                throw new IOException("not a kiosk status in the snapshot", e);
            }
        }
    }

    private static int size(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 10_000_000) {
            throw new IOException("implausible size in snapshot");
        }
        return n;
    }

    private static byte[] read(DataInput in, int length) throws IOException {
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    /** Bytes ordered unsigned-lexicographically. */
    private static final class Key implements Comparable<Key> {
        private final byte[] bytes;

        Key(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public int compareTo(Key other) {
            return Arrays.compareUnsigned(bytes, other.bytes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }

    private static String sha256(DataInput in) throws IOException {
        byte[] hash = new byte[SHA256_LENGTH];
        in.readFully(hash);
        return HexFormat.of().formatHex(hash);
    }
}
