package kz.sailau.kiosk.precinct;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import kz.sailau.kiosk.audit.BundleFormatException;
import kz.sailau.kiosk.audit.BundleVerifier;
import kz.sailau.kiosk.audit.DayBundle;
import kz.sailau.kiosk.audit.IssuedToken;
import kz.sailau.kiosk.crypto.KioskCryptoException;
import kz.sailau.kiosk.crypto.KioskSignatures;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;

/**
 * Joins the kiosks' own end-of-day bundles with the precinct ledger (decision 0251), one check line per kiosk,
 * {@code kiosk log NODE}: the kiosk's bundle verified as {@code bundle verify BUNDLE} verifies it (signature by a
 * kiosk certificate of the authority, audit chain, counts, reconciliation, issued ids against the log), of the
 * precinct, closed on the register version the precinct agreed on (when it checked anyone in), and the same
 * check-ins and tokens as the ledger records for that node: its check-ins and its paper marks as many as the ledger's, every token id
 * of its own log in the ledger as issued by it, voided in both or in neither, and every other id the ledger has for
 * it voided (an id a kiosk issued on the network before it lost a race for the voter, shown to nobody). Which
 * kiosks must have one: every node that signed a node bundle as a kiosk and every node the ledger records a check-in
 * or a token for; a missing one fails. A file is bound to its name as far as the files allow (a kiosk certificate
 * names its precinct, not its node): its ids and counts must be the ledger's for that node, a name the ledger records
 * nothing for must be a kiosk (not a machine that signed as a desk or clerk station, not a stranger to the network),
 * and no two names may carry logs signed by the same kiosk certificate.
 */
final class KioskLogs {

    /** The name of every check this class adds, followed by the node. */
    static final String CHECK = "kiosk log ";

    private final PrecinctBundleVerifier verifier;
    private final PrecinctDayBundle.Parsed ledger;
    private final int precinct;
    private final X509Certificate authority;
    private final Optional<ElectionId> election;
    /** The election each verified own log names, by kiosk. */
    private final SortedMap<String, String> elections = new TreeMap<>();

    KioskLogs(PrecinctBundleVerifier verifier, PrecinctDayBundle.Parsed ledger, int precinct,
              X509Certificate authority, Optional<ElectionId> election) {
        this.verifier = verifier;
        this.ledger = ledger;
        this.precinct = precinct;
        this.authority = authority;
        this.election = election;
    }

    /** Adds one check per kiosk that must have its own log and per own log found. */
    void join(Map<NodeName, PrecinctDayBundle.Parsed> byNode, List<PrecinctBundleVerifier.KioskDay> days) {
        TreeSet<String> required = new TreeSet<>();
        byNode.values().stream().filter(p -> p.role() == NodeRole.KIOSK).forEach(p -> required.add(p.node().value()));
        ledger.voters().values().stream().filter(v -> !v.paper()).forEach(v -> required.add(v.origin().value()));
        ledger.tokens().values().stream().filter(t -> !t.issuer().equals("-")).forEach(t -> required.add(t.issuer()));
        SortedMap<String, List<PrecinctBundleVerifier.KioskDay>> found = new TreeMap<>();
        days.forEach(day -> found.computeIfAbsent(day.node(), n -> new ArrayList<>()).add(day));
        TreeSet<String> kiosks = new TreeSet<>(required);
        kiosks.addAll(found.keySet());
        Map<String, String> sharedSigner = sharedSigners(days);
        for (String kiosk : kiosks) {
            List<PrecinctBundleVerifier.KioskDay> own = found.getOrDefault(kiosk, List.of());
            String name = CHECK + kiosk;
            Optional<String> notAKiosk = own.isEmpty() || required.contains(kiosk) ? Optional.empty()
                    : notAKiosk(byNode, kiosk);
            if (notAKiosk.isPresent()) {
                verifier.fail(name, own.get(0).file() + " is filed under " + kiosk + ", " + notAKiosk.get()
                        + ": a kiosk's own log belongs under the name of the kiosk that kept it");
            } else if (sharedSigner.containsKey(kiosk)) {
                verifier.fail(name, own.get(0).file() + " is signed by the same kiosk certificate as "
                        + sharedSigner.get(kiosk) + ": one kiosk's own log filed under two names");
            } else if (own.isEmpty()) {
                verifier.fail(name, "no own day bundle " + kiosk + PrecinctBundleVerifier.KIOSK_DAY_SUFFIX
                        + " from " + kiosk + ", which " + (signedAsKiosk(byNode, kiosk)
                        ? "signed the precinct bundle as a kiosk" : "the precinct ledger records check-ins or "
                        + "tokens for") + ": its own signed audit log is missing and cannot be checked");
            } else if (own.size() > 1) {
                verifier.fail(name, own.size() + " own day bundles are named after " + kiosk);
            } else {
                check(kiosk, own.get(0));
            }
        }
        election();
    }

    /**
     * The node bundles name no election (a node knows its precinct, not the election): the kiosks' own logs do. All
     * must name one election, and the one given ({@code --election}) when given, so that an earlier election's
     * complete set of bundles for the same precinct is not read as today's.
     */
    private void election() {
        SortedSet<String> named = new TreeSet<>(elections.values());
        String name = "election";
        if (named.size() > 1) {
            verifier.fail(name, "the kiosks' own logs name " + named.size() + " elections: " + elections);
        } else if (named.isEmpty()) {
            election.ifPresent(expected -> verifier.fail(name, "no kiosk's own log verified, so nothing here names "
                    + "the election (the node bundles do not): " + expected + " cannot be checked"));
        } else if (election.isPresent() && !named.first().equals(election.get().value())) {
            verifier.fail(name, "the bundles are of election " + named.first() + ", not " + election.get().value());
        } else {
            verifier.pass(name, "every kiosk's own log names election " + named.first()
                    + (election.isPresent() ? ", as given" : " (give --election to require it)"));
        }
    }

    private void check(String kiosk, PrecinctBundleVerifier.KioskDay day) {
        String name = CHECK + kiosk;
        NodeName node = nodeOrNull(kiosk);
        if (node == null) {
            verifier.fail(name, day.file() + " is not named after a node of the precinct network (NODE"
                    + PrecinctBundleVerifier.KIOSK_DAY_SUFFIX + ")");
            return;
        }
        if (day.signature().isEmpty()) {
            verifier.fail(name, day.file() + PrecinctDayBundle.SIGNATURE_SUFFIX + " is missing");
            return;
        }
        DayBundle own;
        try {
            BundleVerifier.Result result = BundleVerifier.verify(day.bundle(), day.signature().get(), authority,
                    OptionalLong.empty());
            Optional<BundleVerifier.Check> failed = result.checks().stream().filter(c -> !c.passed()).findFirst();
            if (failed.isPresent()) {
                verifier.fail(name, day.file() + " does not verify as a kiosk's day bundle: " + failed.get().name()
                        + ": " + failed.get().message());
                return;
            }
            own = DayBundle.parse(day.bundle()).bundle();
        } catch (BundleFormatException e) {
            verifier.fail(name, day.file() + " is not a kiosk's day bundle: " + e.getMessage() + " ["
                    + e.messageKey() + "]");
            return;
        }
        List<String> problems = new ArrayList<>();
        elections.put(kiosk, own.election());
        if (own.precinct() != precinct) {
            problems.add("it is a bundle of precinct " + own.precinct() + ", not " + precinct);
        }
        long ownCheckIns = own.counts().checkIns();
        long ledgerCheckIns = ledger.voters().values().stream().filter(v -> v.origin().equals(node) && !v.paper())
                .count();
        if (ownCheckIns != ledgerCheckIns) {
            problems.add("its own log has " + ownCheckIns + " check-ins, the precinct ledger " + ledgerCheckIns);
        }
        long ownPaperMarks = own.counts().paperMarks();
        long ledgerPaperMarks = ledger.voters().values().stream().filter(v -> v.origin().equals(node) && v.paper())
                .count();
        if (ownPaperMarks != ledgerPaperMarks) {
            problems.add("its own log has " + ownPaperMarks + " paper marks, the precinct ledger " + ledgerPaperMarks);
        }
        ledger.register().filter(agreed -> ownCheckIns > 0 && (own.registerVersion() != agreed.version()
                || !agreed.packageSha256().equals(own.registerSha256()))).ifPresent(agreed -> problems.add(
                "it checked voters in on register version " + own.registerVersion() + " (package SHA-256 "
                        + own.registerSha256() + "), the precinct on " + agreed.version() + " (package SHA-256 "
                        + agreed.packageSha256() + ")"));
        long unseen = tokens(node, own, problems);
        if (!problems.isEmpty()) {
            verifier.fail(name, kiosk + ": " + String.join("; ", problems));
            return;
        }
        long voided = own.issuedTokens().stream().filter(IssuedToken::voided).count();
        verifier.pass(name, day.file() + " verified (signed by a kiosk of the authority, audit log intact): "
                + ownCheckIns + " check-ins, " + (ownPaperMarks == 0 ? "" : ownPaperMarks + " paper marks, ")
                + own.issuedTokens().size() + " tokens issued, " + voided
                + " voided, as in the precinct ledger" + (unseen == 0 ? "" : "; " + unseen + " further id(s) the "
                + "ledger voided before anyone saw them (a race for a voter lost to another kiosk, or the network "
                + "lost)"));
    }

    /** Compares the token ids; returns how many voided ids the ledger has for the kiosk that its own log has not. */
    private long tokens(NodeName node, DayBundle own, List<String> problems) {
        Map<String, PrecinctDayBundle.TokenLine> ledgerIds = new TreeMap<>();
        ledger.tokens().forEach((id, line) -> {
            if (line.issuer().equals(node.value())) {
                ledgerIds.put(id, line);
            }
        });
        int missing = 0;
        int voidDiffers = 0;
        for (IssuedToken token : own.issuedTokens()) {
            PrecinctDayBundle.TokenLine line = ledgerIds.remove(token.id());
            if (line == null) {
                missing++;
            } else if (token.voided() != line.status().equals("voided")) {
                voidDiffers++;
            }
        }
        if (missing > 0) {
            problems.add(missing + " token id(s) of its own log are not in the precinct ledger as issued by it");
        }
        if (voidDiffers > 0) {
            problems.add(voidDiffers + " token id(s) voided in one record and valid in the other");
        }
        long notVoided = ledgerIds.values().stream().filter(t -> !t.status().equals("voided")).count();
        if (notVoided > 0) {
            problems.add(notVoided + " valid token id(s) in the precinct ledger as issued by it are not in its own log");
        }
        return ledgerIds.size() - notVoided;
    }

    /**
     * Why a node that the ledger records nothing for and that did not sign as a kiosk cannot have filed a kiosk's
     * own log, or empty when it may have (a withdrawn machine, or a member whose node bundle is missing: its role is
     * not known here, and {@code members} fails for it).
     */
    private Optional<String> notAKiosk(Map<NodeName, PrecinctDayBundle.Parsed> byNode, String name) {
        NodeName node = nodeOrNull(name);
        if (node == null) {
            return Optional.empty(); // check() says that the file is not named after a node
        }
        if (byNode.containsKey(node)) {
            return Optional.of("which signed the precinct bundle as a " + byNode.get(node).role().label()
                    + ", not as a kiosk");
        }
        if (ledger.withdrawn().contains(node) || ledger.members().contains(node)) {
            return Optional.empty();
        }
        return Optional.of("which is not a machine of this precinct network");
    }

    /**
     * The day bundles whose signatures carry the same signer certificate, each name mapped to the other names: a
     * kiosk signs its own log with its own key, so one certificate under two names is one log filed twice. A
     * signature that cannot be read is left for {@link #check} to report.
     */
    private static Map<String, String> sharedSigners(List<PrecinctBundleVerifier.KioskDay> days) {
        Map<String, List<String>> bySigner = new TreeMap<>();
        for (PrecinctBundleVerifier.KioskDay day : days) {
            if (day.signature().isEmpty()) {
                continue;
            }
            try {
                byte[] signer = KioskSignatures.signerCertificate(day.signature().get()).getEncoded();
                bySigner.computeIfAbsent(HexFormat.of().formatHex(signer), k -> new ArrayList<>()).add(day.node());
            } catch (KioskCryptoException | CertificateEncodingException e) {
                // not readable: check() fails this day on its signature
            }
        }
        Map<String, String> shared = new TreeMap<>();
        for (List<String> names : bySigner.values()) {
            if (names.size() > 1) {
                for (String name : names) {
                    shared.put(name, String.join(", ", names.stream().filter(n -> !n.equals(name)).toList()));
                }
            }
        }
        return shared;
    }

    private static boolean signedAsKiosk(Map<NodeName, PrecinctDayBundle.Parsed> byNode, String kiosk) {
        NodeName node = nodeOrNull(kiosk);
        return node != null && byNode.containsKey(node) && byNode.get(node).role() == NodeRole.KIOSK;
    }

    private static NodeName nodeOrNull(String name) {
        try {
            return new NodeName(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
