package kz.sailau.kiosk.precinct;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kz.sailau.kiosk.audit.BundleVerifier;
import kz.sailau.kiosk.crypto.KioskCryptoException;
import kz.sailau.kiosk.crypto.KioskSignatures;
import kz.sailau.kiosk.crypto.NodeCertificates;
import kz.sailau.kiosk.crypto.NodeIdentity;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.model.PrintableText;

/**
 * Joins the end-of-day bundles of every node of a precinct network ({@link PrecinctDayBundle}) and checks them:
 * each bundle signed by a node certificate the authority issued, for the node, role and precinct the bundle names;
 * every voting member at the close present once, no bundle from a withdrawn or unknown machine, all of one precinct;
 * every node holding the same sealed ledger, closed on the same agreed register version; the counts per node against the listed blind indexes and token ids;
 * no voter recorded twice across kiosks (by blind index); check-ins = tokens issued − voided per kiosk and in total;
 * every redeemed token issued by a kiosk. Each check is one line with a specific reason; the verdict is one line.
 * No personal data is read or printed: the bundle has none, and a failure names nodes and counts, never a token id
 * or a blind index, and never an exception's class (a signature or file that cannot be read is said in words, with
 * its message key).
 */
public final class PrecinctBundleVerifier {

    /** The largest bundle, day bundle or signature file read: far above a precinct's day, far below the heap. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;


    /**
     * One node's files.
     *
     * @param file      the bundle file name (for messages)
     * @param bundle    its bytes
     * @param signature its detached signature, empty if the file is missing
     */
    public record NodeBundle(String file, byte[] bundle, Optional<byte[]> signature) {
        /** Checks non-null. */
        public NodeBundle {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(bundle, "bundle");
            Objects.requireNonNull(signature, "signature");
        }
    }

    /**
     * A kiosk's own end-of-day bundle ({@code day close}: its signed audit log, decision 0122) found beside the node
     * bundles as {@code NODE}{@value #KIOSK_DAY_SUFFIX}, with its detached signature.
     *
     * @param node      the kiosk's node name as the file name gives it (its token ids in the precinct ledger prove it)
     * @param file      the file name (for messages)
     * @param bundle    its bytes
     * @param signature its detached signature, empty if the file is missing
     */
    public record KioskDay(String node, String file, byte[] bundle, Optional<byte[]> signature) {
        /** Checks non-null. */
        public KioskDay {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(bundle, "bundle");
            Objects.requireNonNull(signature, "signature");
        }
    }

    /** The file name ending of a kiosk's own day bundle in a precinct directory: {@code kiosk-1.day-bundle.json}. */
    public static final String KIOSK_DAY_SUFFIX = ".day-bundle.json";

    /**
     * One check.
     *
     * @param name    what was checked
     * @param passed  whether it held
     * @param message the reason (what held, or precisely what did not)
     */
    public record Check(String name, boolean passed, String message) {
    }

    /**
     * The outcome.
     *
     * @param checks  every check, in order
     * @param verdict the one-line verdict
     */
    public record Result(List<Check> checks, String verdict) {
        /** Copies. */
        public Result {
            checks = List.copyOf(checks);
        }

        /** Whether every check held. */
        public boolean passed() {
            return checks.stream().allMatch(Check::passed);
        }
    }

    private final List<Check> checks = new ArrayList<>();
    /** The kiosks' own day bundles to join, or empty when only the nodes' ledger is verified. */
    private final Optional<List<KioskDay>> kioskDays;
    /** The election the kiosks' own logs must name, when given. */
    private final Optional<ElectionId> election;

    private PrecinctBundleVerifier(Optional<List<KioskDay>> kioskDays, Optional<ElectionId> election) {
        this.kioskDays = kioskDays;
        this.election = election;
    }

    /**
     * Verifies the nodes' bundles of a precinct: the replicated ledger only, without the kiosks' own audit logs (the
     * simulation, whose kiosks are node consoles without a kiosk's own log).
     *
     * @param bundles   every node bundle found (at least one)
     * @param authority the authority certificate, obtained by a trusted channel
     */
    public static Result verify(List<NodeBundle> bundles, X509Certificate authority) {
        Objects.requireNonNull(bundles, "bundles");
        Objects.requireNonNull(authority, "authority");
        return new PrecinctBundleVerifier(Optional.empty(), Optional.empty()).run(bundles, authority);
    }

    /**
     * Verifies the nodes' bundles of a precinct and joins every kiosk's own day bundle with them (decision 0251):
     * each verified as {@code bundle verify BUNDLE} verifies it ({@link BundleVerifier}, signer checked against the
     * authority), of the precinct, and its check-ins and token ids the ones the precinct ledger records for that
     * kiosk. Every kiosk that signed a node bundle or recorded anything in the ledger must have one: a missing one
     * fails (an observer never reads "verified" while a kiosk's own log is missing).
     *
     * @param bundles   every node bundle found (at least one)
     * @param kioskDays every kiosk's own day bundle found
     * @param authority the authority certificate, obtained by a trusted channel
     */
    public static Result verify(List<NodeBundle> bundles, List<KioskDay> kioskDays, X509Certificate authority) {
        return verify(bundles, kioskDays, authority, Optional.empty());
    }

    /**
     * As {@link #verify(List, List, X509Certificate)}, and every kiosk's own log must name {@code election} when
     * given (the node bundles name no election; check {@code election}).
     */
    public static Result verify(List<NodeBundle> bundles, List<KioskDay> kioskDays, X509Certificate authority,
                                Optional<ElectionId> election) {
        Objects.requireNonNull(bundles, "bundles");
        Objects.requireNonNull(kioskDays, "kioskDays");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(election, "election");
        return new PrecinctBundleVerifier(Optional.of(List.copyOf(kioskDays)), election).run(bundles, authority);
    }

    private Result run(List<NodeBundle> bundles, X509Certificate authority) {
        Map<NodeName, PrecinctDayBundle.Parsed> byNode = new TreeMap<>();
        List<PrecinctDayBundle.Parsed> all = new ArrayList<>();
        for (NodeBundle file : bundles) {
            PrecinctDayBundle.Parsed parsed;
            try {
                parsed = PrecinctDayBundle.parse(file.bundle());
            } catch (IllegalArgumentException e) {
                fail("format " + file.file(), file.file() + " is not a precinct bundle: " + e.getMessage());
                continue;
            }
            signature(file, parsed, authority);
            if (!file.file().equals(parsed.node().value() + PrecinctDayBundle.SUFFIX)) {
                fail("file " + file.file(), file.file() + " holds the bundle of " + parsed.node() + ": a node's bundle "
                        + "belongs under its own name, " + parsed.node() + PrecinctDayBundle.SUFFIX);
            }
            if (byNode.put(parsed.node(), parsed) != null) {
                fail("members", "two bundles are signed by " + parsed.node());
            }
            all.add(parsed);
        }
        if (all.isEmpty()) {
            fail("bundles", "no readable node bundle");
            return result(Optional.empty());
        }
        int precinct = precinct(all);
        PrecinctDayBundle.Parsed reference = byNode.values().stream().filter(p -> p.precinct() == precinct)
                .findFirst().orElseThrow();
        agreement(byNode, reference, precinct);
        register(byNode, reference, precinct);
        members(byNode, reference);
        check(reference.canonical(), "canonical order", "counts, blind indexes and token ids each in ascending "
                + "order: nothing orders the check-ins or pairs them with tokens",
                "the bundle's lines are not in canonical order: they may order the check-ins");
        check(reference.sealed() >= 1, "seal", "the ledger is sealed (" + reference.sealed() + " seal)",
                "the ledger was not sealed: the day was not closed on the precinct network");
        if (!reference.repeated().isEmpty()) {
            fail("no double check-in", String.join("; ", reference.repeated()));
        } else {
            pass("no double check-in", reference.voters().size() + " blind indexes, each recorded once, by one node");
        }
        counts(reference);
        Optional<String> totals = reconciliation(reference);
        redeemed(reference, kiosks(byNode, reference));
        kioskDays.ifPresent(days -> new KioskLogs(this, reference, precinct, authority, election).join(byNode, days));
        return result(totals);
    }

    private void signature(NodeBundle file, PrecinctDayBundle.Parsed parsed, X509Certificate authority) {
        String name = "signature " + parsed.node();
        if (file.signature().isEmpty()) {
            fail(name, file.file() + PrecinctDayBundle.SIGNATURE_SUFFIX + " is missing");
            return;
        }
        NodeIdentity signer;
        try {
            X509Certificate certificate = KioskSignatures.verifyDetachedUnpinned(file.bundle(), file.signature().get());
            signer = NodeCertificates.identify(certificate, authority);
        } catch (KioskCryptoException e) {
            fail(name, file.file() + ": " + e.getMessage() + " [" + e.messageKey() + "]");
            return;
        }
        if (!signer.name().equals(parsed.node()) || signer.role() != parsed.role()
                || signer.precinct().number() != parsed.precinct()) {
            fail(name, file.file() + " names " + parsed.node() + " (" + parsed.role().label() + ", precinct "
                    + parsed.precinct() + ") but is signed by " + signer);
            return;
        }
        pass(name, "signed by " + signer.name() + " (" + signer.role().label() + ", precinct "
                + signer.precinct() + "), certified by the authority");
    }

    /** The precinct most bundles name; any bundle of another precinct fails. */
    private int precinct(List<PrecinctDayBundle.Parsed> all) {
        Map<Integer, Long> votes = all.stream().collect(Collectors.groupingBy(PrecinctDayBundle.Parsed::precinct,
                TreeMap::new, Collectors.counting()));
        int precinct = Collections.max(votes.entrySet(), Map.Entry.comparingByValue()).getKey();
        List<String> others = all.stream().filter(p -> p.precinct() != precinct)
                .map(p -> p.node() + " is for precinct " + p.precinct()).toList();
        check(others.isEmpty(), "precinct", "every bundle is for precinct " + precinct,
                String.join("; ", others) + ", the others for precinct " + precinct);
        return precinct;
    }

    private void agreement(Map<NodeName, PrecinctDayBundle.Parsed> byNode, PrecinctDayBundle.Parsed reference,
                           int precinct) {
        List<String> differ = byNode.values().stream().filter(p -> p.precinct() == precinct)
                .filter(p -> !p.ledger().equals(reference.ledger())).map(p -> p.node().value()).toList();
        check(differ.isEmpty(), "agreement", "every node holds the same sealed ledger",
                "the ledger of " + String.join(", ", differ) + " differs from " + reference.node() + "'s");
    }

    /**
     * Every node of the precinct closed on the same agreed register version and package (decisions 0240, 0322):
     * the {@code register} line is part of the ledger, so a difference also fails {@code agreement}; this check
     * names the versions and package hashes.
     */
    private void register(Map<NodeName, PrecinctDayBundle.Parsed> byNode, PrecinctDayBundle.Parsed reference,
                          int precinct) {
        Map<String, List<String>> byVersion = new TreeMap<>();
        byNode.values().stream().filter(p -> p.precinct() == precinct).forEach(p -> byVersion.computeIfAbsent(
                version(p), v -> new ArrayList<>()).add(p.node().value()));
        if (byVersion.size() > 1) {
            fail("register", "the nodes closed on different register versions: " + byVersion.entrySet().stream()
                    .map(e -> String.join(", ", e.getValue()) + " on " + e.getKey()).collect(Collectors.joining("; ")));
            return;
        }
        pass("register", reference.register().map(r -> "every node closed on register version " + r.version()
                + " (package SHA-256 " + r.packageSha256() + "), the one the precinct's kiosks opened with")
                .orElse("no kiosk opened with a register version (no kiosk's register was agreed on the network)"));
    }

    private static String version(PrecinctDayBundle.Parsed parsed) {
        return parsed.register().map(r -> "register version " + r.version() + " (package SHA-256 "
                + r.packageSha256() + ")").orElse("no register version");
    }

    private void members(Map<NodeName, PrecinctDayBundle.Parsed> byNode, PrecinctDayBundle.Parsed reference) {
        List<String> problems = new ArrayList<>();
        for (NodeName member : reference.members()) {
            if (!byNode.containsKey(member)) {
                problems.add("no bundle from " + member + ", a member at the close");
            }
        }
        for (NodeName node : byNode.keySet()) {
            if (reference.withdrawn().contains(node)) {
                problems.add(node + " signed a bundle but was withdrawn by the administrator");
            } else if (!reference.members().contains(node)) {
                problems.add(node + " signed a bundle but is not a member of this precinct network");
            }
        }
        check(problems.isEmpty(), "members", "a bundle from each of the " + reference.members().size()
                + " members " + reference.members() + (reference.withdrawn().isEmpty() ? ""
                : "; withdrawn: " + reference.withdrawn()), String.join("; ", problems));
    }

    private void counts(PrecinctDayBundle.Parsed reference) {
        SortedSet<NodeName> nodes = new TreeSet<>(reference.counts().keySet());
        reference.voters().values().forEach(v -> nodes.add(v.origin()));
        reference.tokens().values().stream().filter(t -> !t.issuer().equals("-"))
                .forEach(t -> nodes.add(new NodeName(t.issuer())));
        for (NodeName node : nodes) {
            Map<String, Long> counted = reference.counts().getOrDefault(node, Map.of());
            long checkIns = counted.getOrDefault("fingerprint", 0L) + counted.getOrDefault("cardless", 0L)
                    + counted.getOrDefault("override", 0L) + counted.getOrDefault("fallback", 0L);
            List<String> problems = new ArrayList<>();
            compare(problems, "check-ins", checkIns, "blind indexes listed", reference.voters().values().stream()
                    .filter(v -> v.origin().equals(node) && !v.paper()).count());
            compare(problems, "paper marks", counted.getOrDefault("paper", 0L), "listed", reference.voters().values()
                    .stream().filter(v -> v.origin().equals(node) && v.paper()).count());
            compare(problems, "tokens issued", counted.getOrDefault("issued", 0L), "token ids listed",
                    reference.tokens().values().stream().filter(t -> t.issuer().equals(node.value())).count());
            compare(problems, "voided", counted.getOrDefault("voided", 0L), "listed", changed(reference, node,
                    "voided"));
            compare(problems, "redeemed", counted.getOrDefault("redeemed", 0L), "listed", changed(reference, node,
                    "redeemed"));
            check(problems.isEmpty(), "counts " + node, checkIns + " check-ins, " + counted.getOrDefault("issued", 0L)
                    + " issued, " + counted.getOrDefault("voided", 0L) + " voided, "
                    + counted.getOrDefault("redeemed", 0L) + " redeemed: as listed", node + ": "
                    + String.join("; ", problems));
        }
    }

    private static long changed(PrecinctDayBundle.Parsed reference, NodeName node, String status) {
        return reference.tokens().values().stream().filter(t -> t.status().equals(status)
                && t.changer().equals(node.value())).count();
    }

    private static void compare(List<String> problems, String what, long counted, String listedWhat, long listed) {
        if (counted != listed) {
            problems.add(counted + " " + what + " counted, " + listed + " " + listedWhat);
        }
    }

    /** Check-ins = tokens issued − voided, per kiosk and in total; returns the total line. */
    private Optional<String> reconciliation(PrecinctDayBundle.Parsed reference) {
        Map<NodeName, long[]> perNode = new TreeMap<>();
        Function<NodeName, long[]> row = node -> perNode.computeIfAbsent(node, n -> new long[3]);
        reference.voters().values().stream().filter(v -> !v.paper()).forEach(v -> row.apply(v.origin())[0]++);
        reference.tokens().values().stream().filter(t -> !t.issuer().equals("-")).forEach(t -> {
            long[] issuer = row.apply(new NodeName(t.issuer()));
            issuer[1]++;
            if (t.status().equals("voided")) {
                issuer[2]++;
            }
        });
        List<String> problems = new ArrayList<>();
        long[] total = new long[3];
        perNode.forEach((node, values) -> {
            if (values[0] != values[1] - values[2]) {
                problems.add(node + ": check-ins " + values[0] + " != tokens issued " + values[1] + " - voided "
                        + values[2]);
            }
            for (int i = 0; i < 3; i++) {
                total[i] += values[i];
            }
        });
        String line = "check-ins " + total[0] + " = tokens issued " + total[1] + " - voided " + total[2];
        if (total[0] != total[1] - total[2]) {
            problems.add("in total: check-ins " + total[0] + " != tokens issued " + total[1] + " - voided "
                    + total[2]);
        }
        check(problems.isEmpty(), "reconciliation", line + ", at every kiosk and in total",
                String.join("; ", problems));
        return Optional.of(line);
    }

    /** The nodes that may have issued tokens: those that signed as kiosks, and the withdrawn machines. */
    private static SortedSet<String> kiosks(Map<NodeName, PrecinctDayBundle.Parsed> byNode,
                                            PrecinctDayBundle.Parsed reference) {
        SortedSet<String> kiosks = new TreeSet<>();
        byNode.values().stream().filter(p -> p.role() == NodeRole.KIOSK).forEach(p -> kiosks.add(p.node().value()));
        reference.withdrawn().forEach(node -> kiosks.add(node.value()));
        return kiosks;
    }

    /**
     * Every redeemed token issued by a kiosk and redeemed at a desk; every other token's status and changer agree.
     * A failure counts the tokens per issuer and desk and never names a token id: the ids are in the bundle for
     * whoever needs them, not on an observer's screen or in a protocol.
     */
    private void redeemed(PrecinctDayBundle.Parsed reference, SortedSet<String> kiosks) {
        Map<String, Long> notByKiosk = new TreeMap<>();
        Map<String, Long> inconsistent = new TreeMap<>();
        long atNoDesk = 0;
        long redeemed = 0;
        for (PrecinctDayBundle.TokenLine line : reference.tokens().values()) {
            if (line.status().equals("redeemed")) {
                redeemed++;
                if (!kiosks.contains(line.issuer())) {
                    notByKiosk.merge(line.issuer() + "\t" + line.changer(), 1L, Long::sum);
                }
                if (line.changer().equals("-")) {
                    atNoDesk++;
                }
            } else if (line.status().equals("issued") != line.changer().equals("-")) {
                inconsistent.merge(line.status() + (line.changer().equals("-") ? " by no node"
                        : " but naming " + line.changer()), 1L, Long::sum);
            }
        }
        List<String> problems = new ArrayList<>();
        notByKiosk.forEach((issuerAndDesk, count) -> {
            String[] names = issuerAndDesk.split("\t");
            problems.add(count + " token(s) redeemed at " + names[1] + (names[0].equals("-")
                    ? " were issued by no kiosk" : " were issued by " + names[0] + ", which signed no bundle as a "
                    + "kiosk and was not withdrawn"));
        });
        if (atNoDesk > 0) {
            problems.add(atNoDesk + " token(s) are redeemed at no desk");
        }
        inconsistent.forEach((what, count) -> problems.add(count + " token(s) " + what));
        check(problems.isEmpty(), "redeemed", redeemed + " tokens redeemed, each issued by a kiosk and "
                + "redeemed once", String.join("; ", problems));
    }

    private Result result(Optional<String> totals) {
        Optional<Check> failed = checks.stream().filter(c -> !c.passed()).findFirst();
        long nodes = checks.stream().filter(c -> c.name().startsWith("signature ")).count();
        long kioskLogs = checks.stream().filter(c -> c.name().startsWith(KioskLogs.CHECK)).count();
        String verdict = failed.map(c -> "precinct bundle NOT verified: " + c.message())
                .orElse("precinct bundle verified: " + nodes + " nodes" + (kioskDays.isPresent()
                        ? " and the own logs of " + kioskLogs + " kiosks" : "") + "; " + totals.orElse(""));
        return new Result(checks, verdict);
    }

    void check(boolean held, String name, String passed, String failed) {
        checks.add(new Check(name, held, held ? passed : failed));
    }

    void pass(String name, String message) {
        checks.add(new Check(name, true, message));
    }

    void fail(String name, String message) {
        checks.add(new Check(name, false, message));
    }

    /**
     * Reads every {@code NODE.bundle} of a directory with its signature, in file-name order (a missing signature is
     * for {@link #verify} to report).
     *
     * @throws IOException if the directory or a file cannot be read
     */
    public static List<NodeBundle> read(Path directory) throws IOException {
        List<NodeBundle> bundles = new ArrayList<>();
        for (Path file : files(directory, PrecinctDayBundle.SUFFIX)) {
            bundles.add(new NodeBundle(PrintableText.of(file.getFileName().toString()), readBounded(file),
                    signatureOf(file, PrecinctDayBundle.SIGNATURE_SUFFIX)));
        }
        return bundles;
    }

    /**
     * Reads every kiosk's own day bundle {@code NODE}{@value #KIOSK_DAY_SUFFIX} of a directory with its signature
     * {@code .p7s}, in file-name order (a name that is not a node's, or a missing signature, is for
     * {@link #verify(List, List, X509Certificate)} to report).
     *
     * @throws IOException if the directory or a file cannot be read
     */
    public static List<KioskDay> readKioskDays(Path directory) throws IOException {
        List<KioskDay> days = new ArrayList<>();
        for (Path file : files(directory, KIOSK_DAY_SUFFIX)) {
            String name = PrintableText.of(file.getFileName().toString());
            days.add(new KioskDay(name.substring(0, name.length() - KIOSK_DAY_SUFFIX.length()), name,
                    readBounded(file), signatureOf(file, PrecinctDayBundle.SIGNATURE_SUFFIX)));
        }
        return days;
    }

    /**
     * The names in a precinct directory that a node's bundle, a kiosk's day bundle or a signature would have but that
     * are no regular file: a folder, a symbolic link, a named pipe or a device. {@link #read} and
     * {@link #readKioskDays} pass over them, so a caller refuses the directory when this is not empty: else such a
     * node would only show as "no bundle from NODE" or its signature as missing.
     *
     * @throws IOException if the directory cannot be listed
     */
    public static List<String> irregularFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.endsWith(PrecinctDayBundle.SUFFIX) || name.endsWith(KIOSK_DAY_SUFFIX)
                        || name.endsWith(PrecinctDayBundle.SIGNATURE_SUFFIX);
            }).filter(f -> !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .map(f -> PrintableText.of(f.getFileName().toString())).sorted().toList();
        }
    }

    private static List<Path> files(Path directory, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix) && Files.isRegularFile(f)).sorted()
                    .toList();
        }
    }

    private static Optional<byte[]> signatureOf(Path file, String suffix) throws IOException {
        Path signature = file.resolveSibling(file.getFileName() + suffix);
        return Files.isRegularFile(signature) ? Optional.of(readBounded(signature)) : Optional.empty();
    }

    /**
     * The bytes of a bundle or signature file of at most {@link #MAX_FILE_BYTES}, so that a huge or endless file
     * on the stick is refused instead of exhausting the memory.
     *
     * @throws FileTooLargeException if the file is larger
     * @throws IOException if it cannot be read
     */
    public static byte[] readBounded(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new FileTooLargeException(file.getFileName() + " is larger than " + MAX_FILE_BYTES + " bytes");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new FileTooLargeException(file.getFileName() + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            return bytes;
        }
    }

    /** A bundle or signature file larger than {@link #MAX_FILE_BYTES}; the message names the file, never content. */
    public static final class FileTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        FileTooLargeException(String message) {
            super(message);
        }
    }
}
