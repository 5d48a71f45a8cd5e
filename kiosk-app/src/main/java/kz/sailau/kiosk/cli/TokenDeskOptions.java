package kz.sailau.kiosk.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import kz.sailau.kiosk.crypto.PrecinctTokenKey;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.token.Ed25519TokenVerifier;
import kz.sailau.kiosk.token.TokenCheck;
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
            description = "File with the kiosk's Ed25519 public key, base64 (32 bytes): DATA/token-public.key.")
    Path kioskPublicKey;

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
     *                      {@code token.error.deskKeyMismatch} when an option is wrong
     * @throws kz.sailau.kiosk.crypto.KioskCryptoException when the desk package cannot be opened (wrong passphrase,
     *                                                      not signed by the authority)
     */
    TokenCheck check() {
        ElectionId electionId = ArgumentChecks.election(election, "--election");
        PrecinctId precinctId = ArgumentChecks.precinct(precinct, "--precinct");
        ArgumentChecks.existingFile(kioskPublicKey, "--kiosk-public-key");
        ArgumentChecks.existingFile(deskKey, "--desk-key");
        ArgumentChecks.existingFile(authorityCertificate, "--authority-cert");
        Ed25519TokenVerifier verifier;
        try {
            verifier = new Ed25519TokenVerifier(Base64.getDecoder().decode(
                    Files.readString(kioskPublicKey, StandardCharsets.US_ASCII).strip()));
        } catch (IOException | IllegalArgumentException e) {
            throw new CliException("token.error.publicKey", "--kiosk-public-key: " + kioskPublicKey
                    + " does not hold a kiosk's Ed25519 public key (32 bytes, base64)");
        }
        X509Certificate authority = BundleCommands.readAuthority(authorityCertificate);
        byte[] deskPackage;
        try {
            deskPackage = Files.readAllBytes(deskKey);
        } catch (IOException e) {
            throw new CliException("token.error.deskKey", "--desk-key: " + deskKey + " cannot be read");
        }
        char[] secret = passphrase.read("Ballot desk passphrase", false);
        PrecinctTokenKey typedCodeKey;
        try {
            typedCodeKey = PrecinctTokenKey.openDeskPackage(deskPackage, secret, authority);
        } finally {
            Arrays.fill(secret, '\0');
        }
        ElectionId packageElection = electionId.isLogicAccuracyTest() ? typedCodeKey.election().logicAccuracyTest()
                : typedCodeKey.election();
        if (!packageElection.equals(electionId) || !typedCodeKey.precinct().equals(precinctId)) {
            throw new CliException("token.error.deskKeyMismatch", "the desk package is for election "
                    + typedCodeKey.election() + ", precinct " + typedCodeKey.precinct() + ", not for election "
                    + electionId + ", precinct " + precinctId);
        }
        return new TokenCheck(electionId, precinctId, verifier, typedCodeKey::mac);
    }
}
