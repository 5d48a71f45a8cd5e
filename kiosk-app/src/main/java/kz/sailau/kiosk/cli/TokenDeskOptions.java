package kz.sailau.kiosk.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Base64;
import kz.sailau.kiosk.crypto.KioskCryptoException;
import kz.sailau.kiosk.crypto.PrecinctTokenKey;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.token.Ed25519TokenVerifier;
import kz.sailau.kiosk.token.TokenCheck;
import kz.sailau.kiosk.token.TokenVerifier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options every ballot-desk token command shares: which election and precinct to accept, the kiosk's public
 * key (QR payloads) and the desk package with the precinct token key (typed codes), checked against the pinned
 * authority certificate and opened with the desk passphrase.
 */
public final class TokenDeskOptions {

    @Option(names = "--election", required = true, description = "Election id, e.g. KZ-2026-PARL.")
    String election;

    @Option(names = "--precinct", required = true, description = "Precinct number of this ballot desk.")
    String precinct;

    @Option(names = "--kiosk-public-key", required = true, paramLabel = "FILE",
            description = "File with a kiosk's Ed25519 public key, base64 (32 bytes): DATA/token-public.key. "
                    + "Give it once per kiosk of the precinct; a QR token signed by any of them is accepted.")
    List<Path> kioskPublicKeys;

    @Option(names = "--desk-key", required = true, paramLabel = "FILE",
            description = "The desk package with the precinct token key, from 'authority desk-key'.")
    Path deskKey;

    @Option(names = "--authority-cert", required = true, paramLabel = "FILE",
            description = "The authority certificate (authority.crt.pem), obtained by a trusted channel.")
    Path authorityCertificate;

    @Mixin
    PassphraseOption passphrase;

    /**
     * The desk's token check built from the options: every value is checked before anything is done.
     *
     * @throws CliException {@code cli.error.election}, {@code cli.error.precinct}, {@code cli.error.noFile},
     *                      {@code token.error.publicKey} (not 32 bytes of base64), {@code token.error.deskKey} or
     *                      {@code token.error.deskKeyMismatch} when an option is wrong;
     *                      {@code token.error.deskKeyAuthority} when the desk package is not signed by the authority
     * @throws KioskCryptoException when the desk package cannot be opened (wrong passphrase), or
     *                              {@code kiosk.error.authorityNotCa} when {@code --authority-cert} is no authority's
     *                              certificate (a kiosk's or a node's)
     */
    TokenCheck check() {
        Checked checked = checkFiles();
        return passphrase.use("Ballot desk passphrase", checked::open);
    }

    /**
     * Every option checked and every file read, nothing opened yet: the passphrase is asked for after this, so a
     * wrong option is refused before anyone types it.
     */
    Checked checkFiles() {
        ElectionId electionId = ArgumentChecks.election(election, "--election");
        PrecinctId precinctId = ArgumentChecks.precinct(precinct, "--precinct");
        for (Path kioskPublicKey : kioskPublicKeys) {
            ArgumentChecks.existingFile(kioskPublicKey, "--kiosk-public-key");
        }
        ArgumentChecks.existingFile(deskKey, "--desk-key");
        ArgumentChecks.existingFile(authorityCertificate, "--authority-cert");
        List<Ed25519TokenVerifier> verifiers = new ArrayList<>();
        for (Path kioskPublicKey : kioskPublicKeys) {
            byte[] text = ArgumentChecks.smallFile(kioskPublicKey, "--kiosk-public-key");
            try {
                verifiers.add(new Ed25519TokenVerifier(Base64.getDecoder().decode(
                        new String(text, StandardCharsets.US_ASCII).strip())));
            } catch (IllegalArgumentException e) {
                throw new CliException("token.error.publicKey", "--kiosk-public-key: " + kioskPublicKey
                        + " does not hold a kiosk's Ed25519 public key (32 bytes, base64)");
            }
        }
        X509Certificate authority = BundleCommands.readAuthority(authorityCertificate);
        byte[] deskPackage = ArgumentChecks.smallFile(deskKey, "--desk-key");
        TokenVerifier anyKiosk = verifiers.size() == 1 ? verifiers.get(0)
                : (body, signature) -> verifiers.stream().anyMatch(v -> v.verify(body, signature));
        return new Checked(electionId, precinctId, anyKiosk, deskPackage, authority);
    }

    /** The key of a signature that is not the pinned authority's ({@link PrecinctTokenKey#openDeskPackage}). */
    private static final String PACKAGE_SIGNATURE = "register.error.signature";

    /** The desk's options, checked and read; {@link #open} opens the desk package with the passphrase. */
    record Checked(ElectionId electionId, PrecinctId precinctId, TokenVerifier verifier, byte[] deskPackage,
                   X509Certificate authority) {

        /**
         * The token check, the desk package opened with {@code secret} (the caller clears it).
         *
         * @throws CliException {@code token.error.deskKeyAuthority} when the package is not signed by the authority
         *                      of {@code --authority-cert} (another authority's, or changed after signing)
         */
        TokenCheck open(char[] secret) {
            PrecinctTokenKey typedCodeKey;
            try {
                typedCodeKey = PrecinctTokenKey.openDeskPackage(deskPackage, secret, authority);
            } catch (KioskCryptoException e) {
                if (!PACKAGE_SIGNATURE.equals(e.messageKey())) {
                    throw e;
                }
                throw new CliException("token.error.deskKeyAuthority", "--desk-key: the desk package is not signed "
                        + "by the authority of --authority-cert (another authority issued it, or it was changed)");
            }
            return checkWith(typedCodeKey);
        }

        private TokenCheck checkWith(PrecinctTokenKey typedCodeKey) {
            ElectionId packageElection = electionId.isLogicAccuracyTest()
                    ? typedCodeKey.election().logicAccuracyTest() : typedCodeKey.election();
            if (!packageElection.equals(electionId) || !typedCodeKey.precinct().equals(precinctId)) {
                throw new CliException("token.error.deskKeyMismatch", "the desk package is for election "
                        + typedCodeKey.election() + ", precinct " + typedCodeKey.precinct() + ", not for election "
                        + electionId + ", precinct " + precinctId);
            }
            return new TokenCheck(electionId, precinctId, verifier, typedCodeKey::mac);
        }
    }
}
