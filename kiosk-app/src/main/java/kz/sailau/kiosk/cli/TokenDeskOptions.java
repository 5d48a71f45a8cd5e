package kz.sailau.kiosk.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.token.Ed25519TokenVerifier;
import kz.sailau.kiosk.token.TokenCheck;
import picocli.CommandLine.Option;

/** The options every ballot-desk token command shares: which election, precinct and kiosk key to accept. */
public final class TokenDeskOptions {

    @Option(names = "--election", required = true, description = "Election id, e.g. KZ-2026-PARL.")
    String election;

    @Option(names = "--precinct", required = true, description = "Precinct number of this ballot desk.")
    String precinct;

    @Option(names = "--kiosk-public-key", required = true,
            description = "File with the kiosk's Ed25519 public key, base64 (32 bytes).")
    Path kioskPublicKey;

    /**
     * The desk's token check built from the options, every option checked first.
     *
     * @throws CliException {@code cli.error.election}, {@code cli.error.precinct}, {@code cli.error.noFile} or
     *                      {@code token.error.publicKey} (not 32 bytes of base64) when an option is wrong
     */
    TokenCheck check() {
        ElectionId electionId = ArgumentChecks.election(election, "--election");
        PrecinctId precinctId = ArgumentChecks.precinct(precinct, "--precinct");
        ArgumentChecks.existingFile(kioskPublicKey, "--kiosk-public-key");
        try {
            byte[] key = Base64.getDecoder().decode(Files.readString(kioskPublicKey, StandardCharsets.US_ASCII)
                    .strip());
            return new TokenCheck(electionId, precinctId, new Ed25519TokenVerifier(key));
        } catch (IOException | IllegalArgumentException e) {
            throw new CliException("token.error.publicKey", "--kiosk-public-key: " + kioskPublicKey
                    + " does not hold a kiosk's Ed25519 public key (32 bytes, base64)");
        }
    }
}
