package kz.sailau.kiosk.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.crypto.KioskSignatures;
import kz.sailau.kiosk.timeline.PhaseTable;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.register.LoadedRegister;
import kz.sailau.kiosk.register.RegisterStore;
import kz.sailau.kiosk.store.AtomicFileReplacement;
import kz.sailau.kiosk.store.KioskDatabase;

/**
 * Closes the election day and writes the signed end-of-day bundle; the Java API behind {@code day close} and
 * the administrator screen.
 *
 * <p>Everything that can fail is done before the close becomes durable, in one write transaction: the day moves to
 * {@link ElectionDay.Phase#CLOSED} (from then on the database refuses every check-in), a
 * {@link AuditEventType#DAY_CLOSED} entry with the day's counts is appended and the chain head is signed; then, still
 * inside the transaction, the bundle ({@link DayBundle}), its detached signature ({@code BUNDLE.p7s}) and the
 * encrypted marked-register backup ({@code BUNDLE.marked-register.p7m}, whose SHA-256 the signed bundle names:
 * {@link MarkedRegisterBinding}) are built and written to temporary files next to their targets and fsynced. Only then does the transaction commit, and the files are renamed into place.
 * A failure before the commit (no such directory, a full disk, a signing error) leaves the day open and no file
 * behind; a crash after the commit leaves a closed day whose bundle {@code day close} writes again. Calling it again
 * on a closed day writes the same bundle again (for a lost USB stick) without changing the log.
 */
public final class EndOfDay {

    private EndOfDay() {
    }

    /**
     * The running software, recorded in the bundle.
     *
     * @param version   software version
     * @param jarSha256 SHA-256 of the running jar, or null when not run from a jar
     */
    public record Software(String version, String jarSha256) {
        /** @throws NullPointerException on a null version */
        public Software {
            Objects.requireNonNull(version, "version");
        }
    }

    /**
     * What was written.
     *
     * @param bundle    the bundle file
     * @param signature its detached signature
     * @param backup    the encrypted marked register, empty after a wipe
     * @param content   the bundle
     */
    public record Written(Path bundle, Path signature, Optional<Path> backup, DayBundle content) {
    }

    /**
     * Checks that {@code out} can be written as a bundle before anything changes: its directory exists and is a
     * directory, and {@code out} is not itself a directory.
     *
     * @throws DayCloseException {@code audit.error.bundleOut} otherwise
     */
    public static void checkOut(Path out) {
        Objects.requireNonNull(out, "out");
        Path parent = out.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new DayCloseException("audit.error.bundleOut", "the bundle's directory " + parent
                    + " does not exist");
        }
        if (Files.isDirectory(out)) {
            throw new DayCloseException("audit.error.bundleOut", out + " is a directory, not a bundle file");
        }
        if (!Files.isWritable(parent)) {
            throw new DayCloseException("audit.error.bundleOut", "the bundle's directory " + parent
                    + " cannot be written");
        }
    }

    /**
     * Closes the day (if open) and writes the bundle.
     *
     * @param database         the kiosk database
     * @param credentials      the unlocked kiosk keys (signing and register decryption)
     * @param kioskCertificate the kiosk certificate from the authority (carried in the signature)
     * @param authority        the pinned authority certificate (checked, and the backup's recipient)
     * @param profile          precinct and election of this kiosk (used when no register is loaded)
     * @param out              the bundle file to write
     * @throws DayCloseException                           {@code audit.error.bundleOut} when {@code out} cannot be a
     *                                                      bundle file (nothing changed)
     * @throws kz.sailau.kiosk.crypto.KioskCryptoException {@code audit.error.kioskCertificate} if the certificate
     *                                                      is not this kiosk's or not from the authority
     * @throws IOException                                 when a file cannot be written (the day stays as it was,
     *                                                      no file is left)
     */
    public static Written close(KioskDatabase database, KioskCredentials credentials, X509Certificate kioskCertificate,
                                X509Certificate authority, KioskDataDirectory.KioskProfile profile, Software software,
                                Path out, Clock clock, SecureRandom random) throws IOException {
        return close(database, credentials, kioskCertificate, authority, profile, software, PhaseTable.EMPTY, out, clock,
                random);
    }

    /**
     * Closes the day as {@link #close(KioskDatabase, KioskCredentials, X509Certificate, X509Certificate,
     * KioskDataDirectory.KioskProfile, Software, Path, Clock, SecureRandom)} does, with the running kiosk's check-in
     * timeline table in the bundle ({@code waitTimes}; none when the table is empty).
     *
     * @param waitTimes the p50/p95 table of the check-in timeline since the kiosk started
     */
    public static Written close(KioskDatabase database, KioskCredentials credentials, X509Certificate kioskCertificate,
                                X509Certificate authority, KioskDataDirectory.KioskProfile profile, Software software,
                                PhaseTable waitTimes, Path out, Clock clock, SecureRandom random) throws IOException {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(waitTimes, "waitTimes");
        checkOut(out);
        KioskSignatures.checkKioskCertificate(credentials, kioskCertificate, authority);
        AuditRecorder recorder = AuditRecorder.signing(ChainHeadSigner.kiosk(credentials));
        Path signature = out.resolveSibling(out.getFileName() + DayBundle.SIGNATURE_SUFFIX);
        Path backupFile = out.resolveSibling(out.getFileName() + MarkedRegisterBackup.FILE_SUFFIX);
        RegisterStore register = new RegisterStore(database, credentials.storeKeys(), random);
        Instant now = clock.instant();
        Map<Path, Path> staged = new LinkedHashMap<>();
        DayBundle bundle;
        try {
            bundle = database.inTransaction(c -> {
                // A kiosk whose tables disagree with its signed log is not closed (nor its bundle written again):
                // the marked register would carry the edited marks under the kiosk's signature.
                StateAnchor.verify(c, credentials.publicKey(), database.migrations());
                // What an earlier close of this bundle staged and could not publish (killed: a power loss) goes first.
                for (Path target : List.of(out, signature, backupFile)) {
                    discardLeftovers(target);
                }
                if (ElectionDay.phase(c) == ElectionDay.Phase.OPEN) {
                    ElectionDay.enter(c, ElectionDay.Phase.CLOSED, now);
                    DayCounts counts = DayCounts.of(AuditLog.readAll(c));
                    List<AuditField> closing = new ArrayList<>(List.of(
                            AuditField.count("checkIns", counts.checkIns()),
                            AuditField.count("byFingerprint", counts.byFingerprint()),
                            AuditField.count("byOverride", counts.byOverride()),
                            AuditField.count("inFallback", counts.inFallback()),
                            AuditField.count("tokensIssued", counts.tokensIssued()),
                            AuditField.count("tokensVoided", counts.tokensVoided()),
                            AuditField.count("tokensNotIssued", counts.tokensNotIssued())));
                    if (counts.onSpecialList() > 0) {
                        closing.add(AuditField.count("onSpecialList", counts.onSpecialList()));
                    }
                    if (counts.paperMarks() > 0) {
                        closing.add(AuditField.count("paperMarks", counts.paperMarks()));
                    }
                    AuditLog.append(c, now, new AuditEvent(AuditEventType.DAY_CLOSED, closing));
                    recorder.signHead(c, now);
                }
                List<AuditEntry> entries = upToClosingHead(AuditLog.readAll(c));
                Optional<LoadedRegister> loaded = RegisterStore.current(c);
                Instant closedAt = entries.stream().filter(e -> e.event().type() == AuditEventType.DAY_CLOSED)
                        .findFirst().map(AuditEntry::time).orElse(now.truncatedTo(ChronoUnit.MINUTES));
                String election = loaded.map(r -> r.election().value())
                        .or(() -> profile.election().map(e -> e.value())).orElse("UNKNOWN");
                long registerVersion = loaded.map(LoadedRegister::version).orElse(0L);
                // The backup first, so that the signed bundle names the SHA-256 of the exact envelope written
                // beside it (decision 0295): another list encrypted to the public authority certificate is no
                // longer the kiosk's.
                MarkedRegisterBinding binding = MarkedRegisterBinding.NONE_WRITTEN;
                if (ElectionDay.phase(c) == ElectionDay.Phase.CLOSED && loaded.isPresent()) {
                    byte[] envelope = MarkedRegisterBackup.export(c, register, election,
                            profile.precinct().number(), registerVersion, authority, random);
                    binding = MarkedRegisterBinding.ofEnvelope(envelope);
                    stage(staged, backupFile, envelope);
                }
                DayBundle content = new DayBundle(election, profile.precinct().number(), registerVersion,
                        loaded.map(LoadedRegister::packageSha256).orElse(null),
                        software.version(), software.jarSha256(), closedAt, DayCounts.of(entries), entries,
                        IssuedToken.readAll(c), waitTimes, binding);
                byte[] json = content.toJson();
                stage(staged, out, json);
                stage(staged, signature, KioskSignatures.signDetached(json, credentials, kioskCertificate));
                return content;
            });
        } catch (RuntimeException e) {
            discard(staged);
            if (e instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
        for (Map.Entry<Path, Path> file : staged.entrySet()) {
            AtomicFileReplacement.publish(file.getValue(), file.getKey());
        }
        return new Written(out, signature, staged.containsKey(backupFile) ? Optional.of(backupFile)
                : Optional.empty(), bundle);
    }

    private static void stage(Map<Path, Path> staged, Path target, byte[] content) {
        try {
            staged.put(target, AtomicFileReplacement.stage(target, content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void discardLeftovers(Path target) {
        try {
            AtomicFileReplacement.discardLeftovers(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void discard(Map<Path, Path> staged) {
        for (Path temporary : staged.values()) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // Best effort: the day is still open and the next close writes the file again.
            }
        }
    }

    /**
     * The day's log: up to and including the signed head that sealed {@link AuditEventType#DAY_CLOSED}. Entries
     * the kiosk wrote after close (a clerk call, the wipe) are not part of the day's bundle.
     */
    static List<AuditEntry> upToClosingHead(List<AuditEntry> entries) {
        boolean closed = false;
        for (int i = 0; i < entries.size(); i++) {
            AuditEntry entry = entries.get(i);
            closed |= entry.event().type() == AuditEventType.DAY_CLOSED;
            if (closed && entry.event().type() == AuditEventType.CHAIN_HEAD_SIGNED) {
                return List.copyOf(entries.subList(0, i + 1));
            }
        }
        throw new IllegalStateException("a closed day's log has a signed head after DAY_CLOSED");
    }
}
