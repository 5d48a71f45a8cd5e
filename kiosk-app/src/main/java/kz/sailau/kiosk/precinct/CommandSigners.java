package kz.sailau.kiosk.precinct;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.crypto.Digests;
import kz.sailau.kiosk.crypto.KioskCryptoException;
import kz.sailau.kiosk.crypto.NodeCertificates;
import kz.sailau.kiosk.crypto.NodeCredentials;
import kz.sailau.kiosk.crypto.NodeIdentity;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.model.PrecinctId;

/**
 * Who may put which command into the precinct ledger (decision 0285). Every replica checks every committed entry
 * the same way, before it changes anything: the certificate that travels with the command is a node certificate the
 * authority issued for this precinct, it names the command's origin, it is the certificate the ledger recorded for
 * that machine if the administrator admitted it during the day and the machine was not withdrawn, the role it names may submit this kind of command,
 * and the signature over the command's bytes is that certificate's key's. Nothing here depends on the local clock or
 * on this node's view of the network, so every replica reaches the same verdict (validity in time is the TLS
 * handshake's check).
 *
 * <p>What each role may submit: a kiosk checks voters in, enters paper marks, issues and voids tokens, opens the
 * register, publishes its status, admits and withdraws machines (the administrator's screen is on the kiosks) and
 * seals the day; the ballot desk redeems tokens; the clerk station seals the day.
 */
final class CommandSigners {

    /** Verified certificates kept, by the SHA-256 of their DER (a precinct has a handful of machines). */
    private static final int CACHE_LIMIT = 64;

    private final X509Certificate authority;
    private final PrecinctId precinct;
    private final Map<String, Signer> verified = new HashMap<>();

    /** A certificate that passed the authority's check: who it names and its key. */
    record Signer(NodeIdentity identity, PublicKey key) {

        /**
         * The signer a DER certificate names, if the authority issued it to a node (of any precinct: the caller
         * compares the precinct); empty if the bytes are no certificate or not one the authority issued to a node.
         * Shared by the ledger's commands and its snapshots ({@link SignedSnapshot}).
         */
        static Optional<Signer> certified(byte[] certificate, X509Certificate authority) {
            try {
                X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(certificate));
                return Optional.of(new Signer(NodeCertificates.identify(parsed, authority), parsed.getPublicKey()));
            } catch (GeneralSecurityException | KioskCryptoException | IllegalArgumentException | ClassCastException e) {
                return Optional.empty();
            }
        }
    }

    CommandSigners(X509Certificate authority, PrecinctId precinct) {
        this.authority = Objects.requireNonNull(authority, "authority");
        this.precinct = Objects.requireNonNull(precinct, "precinct");
    }

    /** Whether a machine of {@code role} may submit {@code command}. */
    static boolean permitted(NodeRole role, PrecinctCommand command) {
        return switch (role) {
            case KIOSK -> !(command instanceof PrecinctCommand.RedeemToken);
            case BALLOT_DESK -> command instanceof PrecinctCommand.RedeemToken;
            case CLERK_STATION -> command instanceof PrecinctCommand.Seal;
        };
    }

    /**
     * Why the ledger must not apply {@code command} as signed, or empty if it may. The reason names machines and
     * command kinds only.
     */
    synchronized Optional<String> refusal(SignedCommand signed, PrecinctCommand command, PrecinctLedgerState state) {
        String fingerprint = HexFormat.of().formatHex(Digests.sha256(signed.certificate()));
        Signer signer = verified.get(fingerprint);
        if (signer == null) {
            Optional<Signer> certified = Signer.certified(signed.certificate(), authority);
            if (certified.isEmpty()) {
                return Optional.of("a command signed with a certificate the authority did not issue to a node");
            }
            NodeIdentity named = certified.get().identity();
            if (!named.precinct().equals(precinct)) {
                return Optional.of("a command signed by " + named.name() + " of precinct " + named.precinct());
            }
            if (verified.size() >= CACHE_LIMIT) {
                verified.clear();
            }
            signer = certified.get();
            verified.put(fingerprint, signer);
        }
        NodeIdentity identity = signer.identity();
        if (!identity.name().equals(command.origin())) {
            return Optional.of(identity.name() + " submitted a command in the name of " + command.origin());
        }
        if (state.isWithdrawn(identity.name())) {
            return Optional.of(identity.name() + " was withdrawn from the precinct");
        }
        PrecinctLedgerState.AuthorisedNode admitted = state.authorised().get(identity.name());
        if (admitted != null && !admitted.fingerprint().equals(fingerprint)) {
            return Optional.of(identity.name() + " signed with another certificate than the one admitted");
        }
        if (!permitted(identity.role(), command)) {
            return Optional.of(identity.name() + " (" + identity.role().label() + ") may not submit "
                    + command.getClass().getSimpleName());
        }
        if (!NodeCredentials.verifyCommand(signer.key(), signed.command(), signed.signature())) {
            return Optional.of("the signature of " + identity.name() + "'s " + command.getClass().getSimpleName()
                    + " does not verify");
        }
        return Optional.empty();
    }
}
