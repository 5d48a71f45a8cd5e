package kz.sailau.kiosk.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.register.LoadGuard;
import kz.sailau.kiosk.register.LoadedRegister;
import kz.sailau.kiosk.register.PackageManifest;
import kz.sailau.kiosk.register.RegisterException;
import kz.sailau.kiosk.store.Migration;

/**
 * The audit trail of a real register load ({@code register load}, the administrator screen): before anything is
 * decrypted, the kiosk database must agree with its signed audit chain ({@link StateAnchor#verify}), the day must
 * be open ({@code register.error.dayClosed}: a closed or wiped kiosk takes no register) and the package version
 * must be newer than every version the chain ever loaded ({@code register.error.rollback}: deleting
 * {@code register_meta} rows does not lower the pin). In the load's own transaction the same is checked again, first
 * before a row is written (a day closed meanwhile) and again after, and
 * {@link AuditEventType#REGISTER_LOADED} (version, package hash, voters, the SHA-256 of the authority certificate
 * the package was verified with) is appended with a signed head, which
 * re-seals the anchor: the register and its record commit together or not at all.
 */
public final class RegisterLoadAudit implements LoadGuard {

    private final KioskCredentials credentials;
    private final List<Migration> migrations;
    private final Clock clock;
    /** The kiosks the package being loaded was built for, from its manifest ({@link #beforeLoad}). */
    private int kiosks = 1;

    /**
     * @param credentials the unlocked kiosk keys (the head is signed, the anchor checked with its public key)
     * @param migrations  every migration the database was opened with
     * @param clock       time of the record
     */
    public RegisterLoadAudit(KioskCredentials credentials, List<Migration> migrations, Clock clock) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.migrations = List.copyOf(migrations);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void beforeLoad(Connection connection, PackageManifest manifest) throws SQLException {
        check(StateAnchor.verify(connection, credentials.publicKey(), migrations), manifest.registerVersion());
        kiosks = manifest.recipients().size();
    }

    /**
     * How many kiosks the last register this kiosk loaded was built for, from its signed {@code REGISTER_LOADED}
     * (1 for a kiosk's own package, or when no register was loaded; decision 0492).
     */
    public static int kiosksOfTheLoadedRegister(Connection connection) throws SQLException {
        List<AuditEntry> loads = AuditLog.readTypes(connection, Set.of(AuditEventType.REGISTER_LOADED));
        String kiosks = loads.isEmpty() ? null
                : loads.get(loads.size() - 1).event().field(AdministrationEvents.KIOSKS_FIELD);
        return kiosks == null ? 1 : Integer.parseInt(kiosks);
    }

    /**
     * The register is written but not its record: checks the pin and the phase the log shows, appends
     * {@code REGISTER_LOADED} and a signed head (re-sealing the anchor), then requires the whole kiosk to agree with
     * its log again.
     */
    @Override
    public void commit(Connection connection, LoadedRegister loaded, X509Certificate signer) throws SQLException {
        check(now(connection), loaded.version());
        AuditRecorder recorder = AuditRecorder.signing(ChainHeadSigner.kiosk(credentials));
        recorder.append(connection, clock.instant(), AdministrationEvents.registerLoaded(loaded,
                StateAnchor.count(connection, "voter_finger"), kiosks, signer));
        recorder.signHead(connection, clock.instant());
        StateAnchor.verify(connection, credentials.publicKey(), migrations);
    }

    /**
     * The day and the pin as they are inside the load's write transaction, before a row is written: a day closed
     * since {@link #beforeLoad} (the close committed while the package was decrypted) is refused as
     * {@code register.error.dayClosed}, not by the closed day's trigger in SQLite's words.
     */
    @Override
    public void beforeWrite(Connection connection, long version) throws SQLException {
        check(now(connection), version);
    }

    /** The phase and pin the signed log shows, with a phase the database says is no longer OPEN taken over it. */
    private static StateAnchor.State now(Connection connection) throws SQLException {
        StateAnchor.State logged = StateAnchor.replay(AuditLog.readTypes(connection, StateAnchor.STATE_EVENTS));
        return new StateAnchor.State(ElectionDay.phase(connection) == ElectionDay.Phase.OPEN ? logged.phase()
                : ElectionDay.phase(connection), logged.registerVersion(), logged.registerSha256(),
                logged.registerVoters(), logged.logicAccuracyRunning());
    }

    private static void check(StateAnchor.State state, long version) {
        if (state.phase() != ElectionDay.Phase.OPEN) {
            throw new RegisterException("register.error.dayClosed", "the election day is " + state.phase()
                    + " (signed in the audit log): no register may be loaded any more", null);
        }
        if (version <= state.registerVersion()) {
            throw new RegisterException("register.error.rollback", "package version " + version
                    + " is not newer than version " + state.registerVersion()
                    + " recorded in the signed audit log; rollback refused", null);
        }
    }
}
