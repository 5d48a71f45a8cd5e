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
     * The desk's token check built from the options.
     *
     * @throws IllegalArgumentException with a message for the user when an option is wrong
     */
    TokenCheck check() {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(Files.readString(kioskPublicKey, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the kiosk public key file: " + e.getMessage(), e);
        }
        return new TokenCheck(new ElectionId(election), PrecinctId.parse(precinct), new Ed25519TokenVerifier(key));
    }
}
