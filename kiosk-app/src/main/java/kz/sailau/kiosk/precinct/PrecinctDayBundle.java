package kz.sailau.kiosk.precinct;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.model.PrecinctId;

/**
 * One node's end-of-day bundle of the precinct network: the sealed replicated ledger as this node holds it, in a
 * canonical text form that the node signs ({@code NODE.bundle} and the detached CMS signature {@code NODE.bundle.p7s}),
 * and that {@link PrecinctBundleVerifier} joins with the other nodes' bundles. Lines, UTF-8, LF:
 *
 * <pre>
 * sailau-precinct-bundle-v3
 * precinct 4711
 * node kiosk-1 kiosk                       (the signer and its role; the rest is the ledger, the same on every node)
 * members desk-1 kiosk-1 kiosk-3 kiosk-4   (the voting members at the close)
 * withdrawn kiosk-2                        (the machines the administrator withdrew; none: the word alone)
 * sealed 1                                 (seals the ledger applied)
 * register 3 HEX64                         (the register version and package SHA-256 the precinct agreed on,
 *                                           decisions 0240 and 0322; or none)
 * count kiosk-1 fingerprint=… cardless=… override=… fallback=… paper=… issued=… voided=… redeemed=… seal=…
 * voter HEX64 kiosk-1 checkin|paper        (every blind index once, in blind-index order)
 * token HEX32 kiosk-1 issued|voided|redeemed -|NODE   (every token id once, in token-id order: issuer, status, by whom)
 * </pre>
 *
 * Secrecy: no time, no sequence, no personal data; the blind indexes and the token ids are each in their own sorted
 * order, so the bundle neither orders the check-ins nor pairs a check-in with its token.
 */
public final class PrecinctDayBundle {

    /** The first line. */
    public static final String FORMAT = "sailau-precinct-bundle-v3";
    /** The file name ending of a node's bundle. */
    public static final String SUFFIX = ".bundle";
    /** The file name ending of its detached signature, after {@link #SUFFIX}. */
    public static final String SIGNATURE_SUFFIX = ".p7s";
    /** The counter names of a {@code count} line, in the order of {@link PrecinctLedgerState.Count}. */
    static final List<String> COUNT_NAMES = List.of("fingerprint", "cardless", "override", "fallback", "paper",
            "issued", "voided", "redeemed", "seal");

    /** The {@code register} line's word when no kiosk opened with a register. */
    static final String NO_REGISTER = "none";

    private static final HexFormat HEX = HexFormat.of();

    private PrecinctDayBundle() {
    }

    /**
     * The bundle text of a sealed ledger.
     *
     * @param state    the ledger (the caller holds its lock)
     * @param node     the signing node
     * @param role     its role
     * @param precinct its precinct
     * @param members  the voting members at the close
     */
    static byte[] write(PrecinctLedgerState state, NodeName node, NodeRole role, PrecinctId precinct,
                        Collection<NodeName> members) {
        StringBuilder text = new StringBuilder(FORMAT).append('\n');
        text.append("precinct ").append(precinct.number()).append('\n');
        text.append("node ").append(node).append(' ').append(role.label()).append('\n');
        text.append("members").append(names(new TreeSet<>(members))).append('\n');
        text.append("withdrawn").append(names(state.withdrawn())).append('\n');
        text.append("sealed ").append(state.total(PrecinctLedgerState.Count.SEAL)).append('\n');
        text.append("register ").append(state.register().map(r -> r.version() + " " + r.packageSha256()).orElse(NO_REGISTER))
                .append('\n');
        for (NodeName origin : state.nodesWithCounts()) {
            text.append("count ").append(origin);
            for (PrecinctLedgerState.Count count : PrecinctLedgerState.Count.values()) {
                text.append(' ').append(COUNT_NAMES.get(count.ordinal())).append('=')
                        .append(state.count(origin, count));
            }
            text.append('\n');
        }
        state.forEachVoter((index, mark) -> text.append("voter ").append(HEX.formatHex(index)).append(' ')
                .append(mark.origin()).append(mark.paper() ? " paper" : " checkin").append('\n'));
        state.forEachToken((id, token) -> text.append("token ").append(HEX.formatHex(id)).append(' ')
                .append(token.issuer()).append(' ').append(token.status().name().toLowerCase(Locale.ROOT))
                .append(' ').append(token.changer().map(NodeName::value).orElse("-")).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Optional<PrecinctLedgerState.AgreedRegister> register(String[] lines) {
        String[] words = lines[6].split(" ", -1);
        if (words.length == 2 && words[0].equals("register") && words[1].equals(NO_REGISTER)) {
            return Optional.empty();
        }
        if (words.length != 3 || !words[0].equals("register") || !words[1].matches("[1-9][0-9]{0,17}")
                || !words[2].matches("[0-9a-f]{64}")) {
            throw bad(7, "a register line is: register VERSION SHA256|" + NO_REGISTER);
        }
        return Optional.of(new PrecinctLedgerState.AgreedRegister(Long.parseLong(words[1]), words[2]));
    }

    private static String names(SortedSet<NodeName> names) {
        StringBuilder line = new StringBuilder();
        names.forEach(name -> line.append(' ').append(name));
        return line.toString();
    }

    /**
     * Writes {@code directory/NODE.bundle} and its signature, each to a temporary file, forced to disk and renamed.
     *
     * @return the bundle file
     */
    static Path save(Path directory, NodeName node, byte[] bundle, byte[] signature) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(node.value() + SUFFIX);
        replace(directory.resolve(node.value() + SUFFIX + SIGNATURE_SUFFIX), signature);
        replace(file, bundle);
        return file;
    }

    private static void replace(Path target, byte[] bytes) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * A parsed bundle.
     *
     * @param precinct  the precinct number
     * @param node      the signer
     * @param role      its role
     * @param members   the voting members at the close
     * @param withdrawn the withdrawn machines
     * @param sealed    seals applied
     * @param register  the register version and package hash the precinct agreed on, if a kiosk opened with one
     * @param counts    counters by node, by counter name
     * @param voters    every voter line: blind index (hex) → origin and kind; {@code duplicates} lists repeats
     * @param tokens    every token line: id (hex) → its line
     * @param ledger    the text after the {@code node} line (the part every node must hold alike)
     * @param repeated  a blind index or token id listed more than once (a description), if any
     * @param canonical whether the count, voter and token lines are each in ascending order (never arrival order)
     */
    record Parsed(int precinct, NodeName node, NodeRole role, SortedSet<NodeName> members,
                  SortedSet<NodeName> withdrawn, long sealed, Optional<PrecinctLedgerState.AgreedRegister> register,
                  Map<NodeName, Map<String, Long>> counts,
                  Map<String, VoterLine> voters, Map<String, TokenLine> tokens, String ledger,
                  List<String> repeated, boolean canonical) {
    }

    /** A {@code voter} line. */
    record VoterLine(NodeName origin, boolean paper) {
    }

    /** A {@code token} line. */
    record TokenLine(String issuer, String status, String changer) {
    }

    /**
     * Parses a bundle strictly.
     *
     * @throws IllegalArgumentException naming the line that is not of the format
     */
    static Parsed parse(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("not a precinct bundle (no final line end)");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 7 || !lines[0].equals(FORMAT)) {
            throw new IllegalArgumentException("not a precinct bundle (first line is not " + FORMAT + ")");
        }
        int precinct = number(field(lines, 1, "precinct", 2)[1], 2);
        String[] node = field(lines, 2, "node", 3);
        NodeName signer = name(node[1], 3);
        NodeRole role = role(node[2], 3);
        SortedSet<NodeName> members = nameList(field(lines, 3, "members", 1), 4);
        SortedSet<NodeName> withdrawn = nameList(field(lines, 4, "withdrawn", 1), 5);
        long sealed = number(field(lines, 5, "sealed", 2)[1], 6);
        Optional<PrecinctLedgerState.AgreedRegister> register = register(lines);
        Map<NodeName, Map<String, Long>> counts = new TreeMap<>();
        Map<String, VoterLine> voters = new TreeMap<>();
        Map<String, TokenLine> tokens = new TreeMap<>();
        List<String> repeated = new ArrayList<>();
        boolean canonical = true;
        String previous = "";
        for (int i = 7; i < lines.length; i++) {
            String[] words = lines[i].split(" ", -1);
            // count < token < voter would be alphabetical; the format's order is count, voter, token, each sorted.
            String kind = switch (words[0]) {
                case "count" -> "0";
                case "voter" -> "1";
                case "token" -> "2";
                default -> "3";
            };
            String key = kind + " " + (words.length > 1 ? words[1] : "");
            canonical &= key.compareTo(previous) >= 0;
            previous = key;
            int lineNumber = i + 1;
            switch (words[0]) {
                case "count" -> {
                    if (words.length != 2 + COUNT_NAMES.size()) {
                        throw bad(lineNumber, "a count line has " + COUNT_NAMES.size() + " counters");
                    }
                    Map<String, Long> values = new TreeMap<>();
                    for (int c = 0; c < COUNT_NAMES.size(); c++) {
                        String[] pair = words[2 + c].split("=", -1);
                        if (pair.length != 2 || !pair[0].equals(COUNT_NAMES.get(c))) {
                            throw bad(lineNumber, "counter " + (c + 1) + " must be " + COUNT_NAMES.get(c) + "=N");
                        }
                        values.put(pair[0], (long) number(pair[1], lineNumber));
                    }
                    if (counts.put(name(words[1], lineNumber), values) != null) {
                        repeated.add("node " + words[1] + " is counted twice");
                    }
                }
                case "voter" -> {
                    if (words.length != 4 || !isHex(words[1], PrecinctCommand.VOTER_INDEX_LENGTH)
                            || !(words[3].equals("checkin") || words[3].equals("paper"))) {
                        throw bad(lineNumber, "a voter line is: voter HEX64 NODE checkin|paper");
                    }
                    VoterLine earlier = voters.put(words[1], new VoterLine(name(words[2], lineNumber),
                            words[3].equals("paper")));
                    if (earlier != null) {
                        repeated.add("a blind index is listed twice (by " + earlier.origin() + " and " + words[2]
                                + ")");
                    }
                }
                case "token" -> {
                    if (words.length != 5 || !isHex(words[1], PrecinctCommand.TOKEN_ID_LENGTH)
                            || !List.of("issued", "voided", "redeemed").contains(words[3])) {
                        throw bad(lineNumber, "a token line is: token HEX32 -|ISSUER issued|voided|redeemed -|NODE");
                    }
                    // The ledger never writes "-" as the issuer: a redemption of an id no kiosk issued is refused.
                    // The verifier still reads it, to say so if a bundle claims one.
                    for (int w = 2; w <= 4; w += 2) {
                        if (!words[w].equals("-")) {
                            name(words[w], lineNumber);
                        }
                    }
                    TokenLine line = new TokenLine(words[2], words[3], words[4]);
                    if (tokens.put(words[1], line) != null) {
                        repeated.add("a token id is listed twice (issued by " + words[2] + ")");
                    }
                }
                default -> throw bad(lineNumber, "unknown line kind");
            }
        }
        int ledgerStart = text.indexOf('\n', text.indexOf('\n', text.indexOf('\n') + 1) + 1) + 1;
        return new Parsed(precinct, signer, role, members, withdrawn, sealed, register, counts, voters, tokens,
                text.substring(ledgerStart), repeated, canonical);
    }

    private static String[] field(String[] lines, int index, String word, int minWords) {
        String[] words = lines[index].split(" ", -1);
        if (!words[0].equals(word) || words.length < minWords || (minWords > 1 && words.length != minWords)) {
            throw bad(index + 1, "expected the " + word + " line");
        }
        return words;
    }

    private static SortedSet<NodeName> nameList(String[] words, int line) {
        SortedSet<NodeName> names = new TreeSet<>();
        for (int i = 1; i < words.length; i++) {
            names.add(name(words[i], line));
        }
        return names;
    }

    private static NodeName name(String word, int line) {
        try {
            return new NodeName(word);
        } catch (IllegalArgumentException e) {
            throw bad(line, "not a node name");
        }
    }

    private static NodeRole role(String word, int line) {
        try {
            return NodeRole.parse(word);
        } catch (IllegalArgumentException e) {
            throw bad(line, "not a node role");
        }
    }

    private static int number(String word, int line) {
        if (!word.matches("[0-9]{1,9}")) {
            throw bad(line, "not a number");
        }
        return Integer.parseInt(word);
    }

    private static boolean isHex(String word, int length) {
        return word.length() == 2 * length && word.matches("[0-9a-f]+");
    }

    private static IllegalArgumentException bad(int line, String message) {
        return new IllegalArgumentException("line " + line + ": " + message);
    }
}
