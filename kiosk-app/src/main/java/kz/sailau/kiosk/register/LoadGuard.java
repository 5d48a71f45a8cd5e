package kz.sailau.kiosk.register;

import java.sql.Connection;
import java.sql.SQLException;
import java.security.cert.X509Certificate;

/**
 * What a register load must also satisfy and record, decided above the register: the kiosk's audit trail
 * ({@code audit.RegisterLoadAudit} checks the state anchored in the signed audit chain, refuses a load after close
 * or a version not newer than the chain's pin, and records {@code REGISTER_LOADED} with a signed head in the load's
 * own transaction). The pre-election test's separate store loads with {@link #NONE}.
 */
public interface LoadGuard {

    /** No checks beyond the loader's own, nothing recorded. */
    LoadGuard NONE = new LoadGuard() {
        @Override
        public void beforeLoad(Connection connection, PackageManifest manifest) {
        }

        @Override
        public void commit(Connection connection, LoadedRegister loaded, X509Certificate signer) {
        }
    };

    /**
     * Runs on a read transaction after the manifest is verified and before anything is decrypted; refuses by
     * throwing (a {@link RegisterException} or another exception with a message key).
     */
    void beforeLoad(Connection connection, PackageManifest manifest) throws SQLException;

    /**
     * Runs first in the transaction that replaces the register, before anything is written: the kiosk may have
     * changed since {@link #beforeLoad} (a {@code day close} committed while the package was being decrypted), so
     * the guard refuses here with its own message key rather than leave it to a database trigger's words.
     *
     * @param version the version of the package being loaded
     */
    default void beforeWrite(Connection connection, long version) throws SQLException {
    }

    /**
     * Runs inside the transaction that replaces the register, after the new register is written: may refuse (the
     * whole load rolls back) and records the load so that it commits together with it.
     *
     * @param signer the authority certificate the package's signature was verified with (the pinned one)
     */
    void commit(Connection connection, LoadedRegister loaded, X509Certificate signer) throws SQLException;
}
