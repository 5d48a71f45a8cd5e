package kz.sailau.kiosk.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.crypto.KioskSignatures;
import kz.sailau.kiosk.store.AtomicFileReplacement;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.register.LoadedRegister;
import kz.sailau.kiosk.register.RegisterStore;
import kz.sailau.kiosk.store.KioskDatabase;

/**
 * Closes the election day and writes the signed end-of-day bundle; the Java API behind {@code day close} and
 * the administrator screen.
 *
 * <p>In one transaction: the day moves to {@link ElectionDay.Phase#CLOSED} (from then on the database refuses
 * every check-in), a {@link AuditEventType#DAY_CLOSED} entry with the day's counts is appended and the chain
 * head is signed. Then the bundle ({@link DayBundle}) is written with its detached signature
 * ({@code BUNDLE.p7s}) and the encrypted marked-register backup ({@code BUNDLE.marked-register.p7m}), each by
 * write-to-temp, fsync, rename. Calling it again on a closed day writes the same bundle again (for a lost
 * USB stick) without changing the log.
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
     * Closes the day (if open) and writes the bundle.
     *
     * @param database         the kiosk database
     * @param credentials      the unlocked kiosk keys (signing and register decryption)
     * @param kioskCertificate the kiosk certificate from the authority (carried in the signature)
     * @param authority        the pinned authority certificate (checked, and the backup's recipient)
     * @param profile          precinct and election of this kiosk (used when no register is loaded)
     * @param tokensIssued     ballot tokens issued today, from the issued-tokens file
     * @param out              the bundle file to write
     * @throws kz.sailau.kiosk.crypto.KioskCryptoException {@code audit.error.kioskCertificate} if the certificate
     *                                                      is not this kiosk's or not from the authority
     */
    public static Written close(KioskDatabase database, KioskCredentials credentials, X509Certificate kioskCertificate,
                                X509Certificate authority, KioskDataDirectory.KioskProfile profile, Software software,
                                long tokensIssued, Path out, Clock clock, SecureRandom random) throws IOException {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(out, "out");
        KioskSignatures.checkKioskCertificate(credentials, kioskCertificate, authority);
        AuditRecorder recorder = AuditRecorder.signing(ChainHeadSigner.kiosk(credentials));
        Instant now = clock.instant();
        database.inTransaction(c -> {
            if (ElectionDay.phase(c) == ElectionDay.Phase.OPEN) {
                ElectionDay.enter(c, ElectionDay.Phase.CLOSED, now);
                DayCounts counts = DayCounts.of(AuditLog.readAll(c), tokensIssued);
                AuditLog.append(c, now, AuditEvent.of(AuditEventType.DAY_CLOSED,
                        AuditField.count("checkIns", counts.checkIns()),
                        AuditField.count("byFingerprint", counts.byFingerprint()),
                        AuditField.count("byOverride", counts.byOverride()),
                        AuditField.count("inFallback", counts.inFallback()),
                        AuditField.count("tokensIssued", counts.tokensIssued()),
                        AuditField.count("tokensVoided", counts.tokensVoided()),
                        AuditField.count("tokensNotIssued", counts.tokensNotIssued())));
                recorder.signHead(c, now);
            }
            return null;
        });
        record Snapshot(List<AuditEntry> entries, Optional<LoadedRegister> register, ElectionDay.Phase phase) {
        }
        Snapshot snapshot = database.read(c -> new Snapshot(upToClosingHead(AuditLog.readAll(c)),
                RegisterStore.current(c), ElectionDay.phase(c)));
        DayCounts counts = DayCounts.of(snapshot.entries(), tokensIssued);
        Instant closedAt = snapshot.entries().stream()
                .filter(e -> e.event().type() == AuditEventType.DAY_CLOSED).findFirst()
                .map(AuditEntry::time).orElse(now.truncatedTo(ChronoUnit.MINUTES));
        String election = snapshot.register().map(r -> r.election().value())
                .or(() -> profile.election().map(e -> e.value())).orElse("UNKNOWN");
        DayBundle bundle = new DayBundle(election, profile.precinct().number(),
                snapshot.register().map(LoadedRegister::version).orElse(0L),
                snapshot.register().map(LoadedRegister::packageSha256).orElse(null),
                software.version(), software.jarSha256(), closedAt, counts, snapshot.entries());
        byte[] json = bundle.toJson();
        Path signature = out.resolveSibling(out.getFileName() + DayBundle.SIGNATURE_SUFFIX);
        AtomicFileReplacement.write(out, json);
        AtomicFileReplacement.write(signature, KioskSignatures.signDetached(json, credentials, kioskCertificate));
        Optional<Path> backup = Optional.empty();
        if (snapshot.phase() == ElectionDay.Phase.CLOSED && snapshot.register().isPresent()) {
            Path file = out.resolveSibling(out.getFileName() + MarkedRegisterBackup.FILE_SUFFIX);
            AtomicFileReplacement.write(file, MarkedRegisterBackup.export(database,
                    new RegisterStore(database, credentials.storeKeys(), random), election,
                    profile.precinct().number(), bundle.registerVersion(), authority, random));
            backup = Optional.of(file);
        }
        return new Written(out, signature, backup, bundle);
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
