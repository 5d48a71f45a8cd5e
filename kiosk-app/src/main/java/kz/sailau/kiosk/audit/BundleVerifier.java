package kz.sailau.kiosk.audit;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import kz.sailau.kiosk.crypto.DetachedSignatureException;
import kz.sailau.kiosk.crypto.KioskCryptoException;
import kz.sailau.kiosk.crypto.KioskSignatures;
import kz.sailau.kiosk.timeline.CheckInPhase;
import kz.sailau.kiosk.timeline.PhaseTable;

/**
 * The one verification of an end-of-day bundle, run by both {@code bundle verify} and {@code audit verify BUNDLE}
 * (decision 0122): the detached signature, the audit chain and its signed heads, the counts against the log, the
 * reconciliation check-ins = tokens issued − voided (+ served by hand), the issued token ids against the log's token
 * events, the day-only time of those events; with the ballot desk's redeem count, tokens valid = redeemed + unused;
 * with the desk's ledger, the full {@link Reconciliation} of its redemptions.
 *
 * <p>The signature: a missing or unreadable {@code .p7s}, or one that does not match the bundle's bytes, fails.
 * With the authority certificate the signer must be a kiosk certificate it issued; without it the signature is
 * still checked against the certificate it carries, and a separate {@code signer} line says plainly that who
 * signed was not checked ({@link Status#NOT_CHECKED}: not a failure, but the bundle is then only shown to be
 * unchanged since someone signed it, not that a kiosk of the authority did).
 */
public final class BundleVerifier {

    private static final Pattern TOKEN_ID = Pattern.compile("[0-9a-f]{32}");

    private BundleVerifier() {
    }

    /** The outcome of one check. */
    public enum Status {
        /** The check passed. */
        PASSED,
        /** The check failed: the bundle is not verified. */
        FAILED,
        /** The check could not be made with what was given (not a failure; said plainly). */
        NOT_CHECKED
    }

    /**
     * One check and its outcome.
     *
     * @param name       what was checked
     * @param status     its outcome
     * @param message    what was found
     * @param messageKey the failure's own message key when it has one (also written at the end of the message,
     *                   {@code [key]}, for the reader); empty otherwise
     */
    public record Check(String name, Status status, String message, Optional<String> messageKey) {
        /** @throws NullPointerException on null */
        public Check {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(messageKey, "messageKey");
        }

        /** A check without a message key of its own. */
        public Check(String name, Status status, String message) {
            this(name, status, message, Optional.empty());
        }

        static Check of(String name, boolean passed, String message) {
            return new Check(name, passed ? Status.PASSED : Status.FAILED, message);
        }

        /** A failed check with its message key, which also ends the message ({@code words [key]}). */
        static Check failed(String name, String words, String messageKey) {
            return new Check(name, Status.FAILED, words + " [" + messageKey + "]", Optional.of(messageKey));
        }

        /** Whether the check did not fail. */
        public boolean passed() {
            return status != Status.FAILED;
        }
    }

    /**
     * All checks.
     *
     * @param checks         in order
     * @param audit          the audit log verification (its first problem and position)
     * @param reconciliation the reconciliation with the desk's ledger, when one was given
     */
    public record Result(List<Check> checks, AuditVerifier.Report audit, Optional<Reconciliation.Report> reconciliation) {

        /** Copies the list. */
        public Result {
            checks = List.copyOf(checks);
            Objects.requireNonNull(audit, "audit");
            Objects.requireNonNull(reconciliation, "reconciliation");
        }

        /** This result with more checks after its own (e.g. a printed head, {@link SignedHead#checkIn}). */
        public Result with(List<Check> more) {
            List<Check> all = new ArrayList<>(checks);
            all.addAll(more);
            return new Result(all, audit, reconciliation);
        }

        /** Whether no check failed. */
        public boolean passed() {
            return checks.stream().allMatch(Check::passed);
        }

        /** Whether the signer was checked against an authority certificate. */
        public boolean signerChecked() {
            return checks.stream().noneMatch(c -> c.status() == Status.NOT_CHECKED && c.name().equals(SIGNER));
        }

        /** The names of the checks that could not be made with what was given, in order. */
        public List<String> notChecked() {
            return checks.stream().filter(c -> c.status() == Status.NOT_CHECKED).map(Check::name).toList();
        }
    }

    /** The name of the check of who signed the bundle. */
    public static final String SIGNER = "signer";
    /** The name of the check of the marked-register backup against the bundle ({@link #markedRegister}). */
    public static final String MARKED_REGISTER = "marked register";
    /** The key of a signature that does not match the bundle's bytes; a bundle that cannot be read looks for it. */
    private static final String SIGNATURE_MISMATCH = "bundle.check.signatureMismatch";

    /** The marked-register backup an observer holds for a bundle. */
    public sealed interface Backup {
        /**
         * The backup file was found and read.
         *
         * @param file     where it was read (for the report)
         * @param envelope its exact bytes
         */
        record Found(String file, byte[] envelope) implements Backup {
            /** @throws NullPointerException on null */
            public Found {
                Objects.requireNonNull(file, "file");
                Objects.requireNonNull(envelope, "envelope");
            }
        }

        /**
         * There is no backup file where it was looked for.
         *
         * @param file where it was looked for
         */
        record Missing(String file) implements Backup {
            /** @throws NullPointerException on null */
            public Missing {
                Objects.requireNonNull(file, "file");
            }
        }

        /** The observer says the backup is kept elsewhere (the authority checks it there): not looked for. */
        record KeptElsewhere() implements Backup {
        }
    }

    /** The bundle's election, precinct and day; with {@code expected}, that election (decision 0389). */
    public static Check election(DayBundle bundle, Optional<String> expected) {
        String of = "election " + bundle.election() + ", precinct " + bundle.precinct() + ", closed "
                + bundle.closedAt();
        boolean other = Objects.requireNonNull(expected, "expected").isPresent()
                && !expected.get().equals(bundle.election());
        return other ? Check.failed("election", "the bundle is of election " + bundle.election() + ", not "
                + expected.get() + " (" + of + ")", "bundle.check.otherElection")
                : Check.of("election", true, of + (expected.isEmpty() ? " (give --election ID to require it)"
                : ", as given"));
    }

    /**
     * The marked-register backup against what the signed bundle says of it (decision 0295): the SHA-256 the bundle
     * names must be the SHA-256 of the backup's exact bytes. A different file fails
     * ({@code bundle.check.backupMismatch}), as does a missing one ({@code bundle.check.backupMissing}) unless the
     * observer said it is kept elsewhere ({@link Status#NOT_CHECKED}), and a file beside a bundle that says none was
     * written ({@code bundle.check.backupNotNamed}). A bundle of an older kiosk names no backup: the check is then
     * {@link Status#NOT_CHECKED} and says the backup is bound to nothing signed ({@code bundle.check.backupNotBound}).
     * Only worth anything when the bundle's signature is valid, which the other checks establish.
     */
    public static Check markedRegister(DayBundle bundle, Backup backup) {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(backup, "backup");
        MarkedRegisterBinding binding = bundle.markedRegister();
        return switch (binding.state()) {
            case NOT_BOUND -> new Check(MARKED_REGISTER, Status.NOT_CHECKED, "NOT bound: this bundle (of an older "
                    + "kiosk) does not name its backup, so any " + MarkedRegisterBackup.FILE_SUFFIX + " file could be "
                    + "another list encrypted to the public authority certificate; the authority takes it only from "
                    + "the commission's own stick [bundle.check.backupNotBound]");
            case NONE_WRITTEN -> backup instanceof Backup.Found found
                    ? Check.failed(MARKED_REGISTER, "the bundle says no backup was written with it, but "
                    + found.file() + " is there: that file is bound to nothing this bundle signed",
                    "bundle.check.backupNotNamed")
                    : Check.of(MARKED_REGISTER, true, "no backup was written with this bundle (no register was "
                    + "loaded at the close, or it was written again after the wipe)");
            case BOUND -> bound(binding, backup);
        };
    }

    /** {@link #verify(byte[], byte[], X509Certificate, OptionalLong, Optional)} without a desk ledger. */
    public static Result verify(byte[] json, byte[] signature, X509Certificate authority, OptionalLong redeemed) {
        return verify(json, signature, authority, redeemed, Optional.empty());
    }

    /**
     * Verifies a bundle.
     *
     * @param json      the bundle file's bytes
     * @param signature the detached signature's bytes, or null when absent
     * @param authority the authority certificate; when null the signature is checked against the certificate it
     *                  carries and the signer is reported as not checked
     * @param redeemed  the ballot desk's count of redeemed tokens, if known
     * @param desk      the ballot desk's redemptions, if its ledger was given
     * @throws BundleFormatException when the file is not a readable bundle (saying so too when its signature does
     *                               not match its bytes, decision 0488)
     */
    public static Result verify(byte[] json, byte[] signature, X509Certificate authority, OptionalLong redeemed,
                                Optional<Reconciliation.Redeemed> desk) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(redeemed, "redeemed");
        Objects.requireNonNull(desk, "desk");
        List<Check> checks = new ArrayList<>();
        Optional<PublicKey> kioskKey = signature(json, signature, authority, checks);
        DayBundle.Parsed parsed;
        try {
            parsed = DayBundle.parse(json);
        } catch (BundleFormatException e) {
            // A byte changed after signing can make the file unreadable: the one line then says it was changed.
            throw checks.get(0).messageKey().equals(Optional.of(SIGNATURE_MISMATCH)) ? new BundleFormatException(
                    e.getMessage() + ", and its signature does not match its contents: the file was changed after it "
                    + "was signed", e) : e;
        }
        DayBundle bundle = parsed.bundle();
        AuditVerifier.Report audit = AuditVerifier.verify(bundle.entries(), kioskKey, parsed.statedHeadSequence(),
                parsed.statedHeadHash());
        checks.add(Check.of("audit log", audit.intact(), audit.describe()
                + (kioskKey.isEmpty() ? "; signed heads NOT checked (no kiosk certificate)" : "")));
        checks.add(RegisterSigners.check(bundle.entries(), authority));
        DayCounts recomputed = DayCounts.of(bundle.entries());
        boolean countsMatch = recomputed.equals(bundle.counts()) && parsed.statedCheckIns() == recomputed.checkIns()
                && closedEntryAgrees(bundle.entries(), recomputed);
        checks.add(Check.of("counts", countsMatch, countsMatch
                ? recomputed.checkIns() + " check-ins (" + recomputed.byFingerprint() + " fingerprint, "
                + recomputed.byOverride() + " override, " + recomputed.inFallback() + " fallback"
                + (recomputed.onSpecialList() > 0 ? ", " + recomputed.onSpecialList() + " special list" : "")
                + ")" + (recomputed.paperMarks() > 0 ? ", paper marks " + recomputed.paperMarks() : "")
                + ", refusals "
                + recomputed.refusalsByReason() + ", tokens issued " + recomputed.tokensIssued() + ", voided "
                + recomputed.tokensVoided() + ", not issued " + recomputed.tokensNotIssued()
                : "the stated counts differ from the counts of the audit log"));
        long valid = recomputed.tokensIssued() - recomputed.tokensVoided();
        boolean balanced = recomputed.reconciles() && parsed.statedBalanced() == recomputed.reconciles();
        checks.add(Check.of("reconciliation", balanced, "check-ins " + recomputed.checkIns() + ", tokens issued "
                + recomputed.tokensIssued() + " − voided " + recomputed.tokensVoided() + " = " + valid
                + (recomputed.tokensNotIssued() > 0 ? ", served by hand " + recomputed.tokensNotIssued() : "")));
        checks.add(issuedTokens(bundle.issuedTokens(), recomputed));
        checks.add(tokenEventTimes(bundle.entries()));
        checks.add(ElectionDayRecord.check(bundle.entries()));
        checks.add(waitTimes(parsed, recomputed));
        if (redeemed.isPresent()) {
            long unused = valid - redeemed.getAsLong();
            checks.add(Check.of("ballot desk", redeemed.getAsLong() >= 0 && unused >= 0, "tokens valid " + valid
                    + " = redeemed " + redeemed.getAsLong() + " + unused " + unused));
        }
        Optional<Reconciliation.Report> reconciliation = desk.map(d -> Reconciliation.reconcile(
                List.of(new Reconciliation.Issued("bundle", bundle.issuedTokens())), List.of(d)));
        reconciliation.ifPresent(r -> checks.add(Check.of("redeemed ledger", r.exact(), r.describe())));
        return new Result(checks, audit, reconciliation);
    }

    private static Optional<PublicKey> signature(byte[] json, byte[] signature, X509Certificate authority,
                                                 List<Check> checks) {
        if (signature == null) {
            checks.add(Check.failed("signature", "no detached signature file (BUNDLE.p7s)",
                    "bundle.check.signatureMissing"));
            return Optional.empty();
        }
        if (authority == null) {
            try {
                X509Certificate carried = KioskSignatures.verifyDetachedUnpinned(json, signature);
                checks.add(Check.of("signature", true, "valid for the certificate it carries ("
                        + carried.getSubjectX500Principal().getName() + ")"));
                checks.add(new Check(SIGNER, Status.NOT_CHECKED, "NOT checked: no authority certificate given, so "
                        + "anyone's key could have signed this bundle; give --authority-cert to check the signer"));
                return Optional.of(carried.getPublicKey());
            } catch (KioskCryptoException e) {
                checks.add(signatureFailed(e));
                return Optional.empty();
            }
        }
        try {
            X509Certificate kiosk = KioskSignatures.verifyDetached(json, signature, authority);
            checks.add(Check.of("signature", true, "valid, signed by " + kiosk.getSubjectX500Principal().getName()
                    + ", certified by " + authority.getSubjectX500Principal().getName()));
            return Optional.of(kiosk.getPublicKey());
        } catch (KioskCryptoException e) {
            checks.add(signatureFailed(e));
            try {
                // The chain heads are still checked with the carried certificate, for the report.
                return Optional.of(KioskSignatures.signerCertificate(signature).getPublicKey());
            } catch (KioskCryptoException ignored) {
                return Optional.empty();
            }
        }
    }

    private static Check bound(MarkedRegisterBinding binding, Backup backup) {
        String named = "SHA-256 " + binding.sha256().substring(0, 16) + "…";
        if (backup instanceof Backup.Found found) {
            return binding.matches(found.envelope())
                    ? Check.of(MARKED_REGISTER, true, found.file() + " is the backup the kiosk signed for (" + named
                    + ")")
                    : Check.failed(MARKED_REGISTER, found.file() + " is NOT the backup the kiosk signed for: its "
                    + "SHA-256 differs from the one in the bundle", "bundle.check.backupMismatch");
        }
        if (backup instanceof Backup.Missing missing) {
            return Check.failed(MARKED_REGISTER, "no backup file " + missing.file() + " (the bundle names one, "
                    + named + "); give --backup FILE, or --backup-elsewhere when the authority keeps it",
                    "bundle.check.backupMissing");
        }
        return new Check(MARKED_REGISTER, Status.NOT_CHECKED, "NOT checked here (--backup-elsewhere): the backup's "
                + "SHA-256 must be " + binding.sha256());
    }

    /**
     * The signature line of a signature that failed: what was found, in words, and its own message key
     * ({@code bundle.check.signatureUnreadable} for garbage or a truncated file, {@code bundle.check.signatureMismatch}
     * for a signature that does not match the bundle's bytes, {@code bundle.check.signerNotCertified} for a signer
     * the authority did not certify). The words are {@link KioskSignatures}' own, never a cause's text or the name
     * of an exception class.
     */
    private static Check signatureFailed(KioskCryptoException e) {
        String key;
        String words;
        if (e instanceof DetachedSignatureException detached) {
            key = detached.kind() == DetachedSignatureException.Kind.UNREADABLE ? "bundle.check.signatureUnreadable"
                    : SIGNATURE_MISMATCH;
            words = e.getMessage();
        } else if ("audit.error.kioskCertificate".equals(e.messageKey())) {
            key = "bundle.check.signerNotCertified";
            words = e.getMessage();
        } else {
            key = "bundle.check.signatureUnreadable";
            words = "the signature cannot be checked";
        }
        return Check.failed("signature", words, key);
    }

    /** The listed ids: well formed, strictly ascending (sorted, none twice), as many as the log's token events. */
    private static Check issuedTokens(List<IssuedToken> tokens, DayCounts counts) {
        long voided = 0;
        String previous = null;
        for (IssuedToken token : tokens) {
            if (!TOKEN_ID.matcher(token.id()).matches()) {
                return Check.of("issued tokens", false, "an issued token id is not 32 lower-case hex digits");
            }
            if (previous != null && previous.compareTo(token.id()) >= 0) {
                return Check.of("issued tokens", false, "the issued token ids are not sorted, or one is listed twice");
            }
            previous = token.id();
            voided += token.voided() ? 1 : 0;
        }
        boolean agree = tokens.size() == counts.tokensIssued() && voided == counts.tokensVoided();
        return Check.of("issued tokens", agree, tokens.size() + " ids listed (" + voided + " voided)"
                + (agree ? ", as the log's token events say" : "; the log says issued " + counts.tokensIssued()
                + ", voided " + counts.tokensVoided()));
    }

    /** Token events carry the day only, so that nothing but their place in the chain relates them to a check-in. */
    private static Check tokenEventTimes(List<AuditEntry> entries) {
        for (AuditEntry entry : entries) {
            Instant time = entry.time();
            if (entry.event().type().dayOnly() && !time.equals(time.truncatedTo(ChronoUnit.DAYS))) {
                return Check.of("token event times", false, "entry " + entry.sequence() + " ("
                        + entry.event().type() + ") carries a time finer than the day");
            }
        }
        return Check.of("token event times", true, "every token event carries the day only");
    }

    /**
     * The optional check-in timeline table (decision 0190): absent is fine (older kiosks, {@code day close} from the
     * command line); present, it must be well formed and can count no more fingerprint check-ins or commits than the
     * log holds (the table covers the day since the kiosk last started, so fewer is normal after a restart).
     */
    private static Check waitTimes(DayBundle.Parsed parsed, DayCounts counts) {
        if (parsed.waitTimesProblem().isPresent()) {
            return Check.of("wait times", false, parsed.waitTimesProblem().get());
        }
        PhaseTable table = parsed.bundle().waitTimes();
        if (table.isEmpty()) {
            return Check.of("wait times", true, "no table in this bundle");
        }
        long fingerToToken = table.row(CheckInPhase.FINGER_TO_TOKEN).map(PhaseTable.Row::count).orElse(0L);
        long commits = table.row(CheckInPhase.DURABLE_COMMIT).map(PhaseTable.Row::count).orElse(0L);
        if (fingerToToken > counts.byFingerprint() || commits > counts.checkIns()) {
            return Check.of("wait times", false, "the table counts " + fingerToToken + " fingerprint check-ins and "
                    + commits + " commits; the log holds " + counts.byFingerprint() + " and " + counts.checkIns());
        }
        String feel = table.row(CheckInPhase.FINGER_TO_TOKEN).map(r -> String.format(Locale.ROOT,
                "; finger to token p50 %.2f s, p95 %.2f s", PhaseTable.millis(r.p50()) / 1000,
                PhaseTable.millis(r.p95()) / 1000)).orElse("");
        return Check.of("wait times", true, table.rows().size() + " phases measured since the kiosk started" + feel);
    }

    private static boolean closedEntryAgrees(List<AuditEntry> entries, DayCounts counts) {
        for (AuditEntry entry : entries) {
            if (entry.event().type() == AuditEventType.DAY_CLOSED) {
                AuditEvent e = entry.event();
                return String.valueOf(counts.checkIns()).equals(e.field("checkIns"))
                        && String.valueOf(counts.tokensIssued()).equals(e.field("tokensIssued"))
                        && String.valueOf(counts.tokensVoided()).equals(e.field("tokensVoided"))
                        && String.valueOf(counts.tokensNotIssued()).equals(e.field("tokensNotIssued"));
            }
        }
        return false;
    }
}
