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
     * @throws CliException with a message key when an option is wrong
     * @throws kz.sailau.kiosk.crypto.KioskCryptoException when the desk package cannot be opened (wrong passphrase,
     *                                                      not signed by the authority)
     */
    TokenCheck check() {
        ElectionId electionId;
        PrecinctId precinctId;
        try {
            electionId = new ElectionId(election);
            precinctId = PrecinctId.parse(precinct);
        } catch (IllegalArgumentException e) {
            throw new CliException("cli.error.usage", e.getMessage());
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(Files.readString(kioskPublicKey, StandardCharsets.US_ASCII).strip());
        } catch (IOException | IllegalArgumentException e) {
            throw new CliException("token.error.kioskPublicKey", "the kiosk public key file cannot be read as "
                    + "base64: " + e.getClass().getSimpleName());
        }
        Ed25519TokenVerifier verifier;
        try {
            verifier = new Ed25519TokenVerifier(key);
        } catch (IllegalArgumentException e) {
            throw new CliException("token.error.kioskPublicKey", e.getMessage());
        }
        X509Certificate authority = BundleCommands.readAuthority(authorityCertificate);
        byte[] deskPackage;
        try {
            deskPackage = Files.readAllBytes(deskKey);
        } catch (IOException e) {
            throw new CliException("token.error.deskKey", "the desk package cannot be read: "
                    + e.getClass().getSimpleName());
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
