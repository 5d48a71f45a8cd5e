package kz.sailau.kiosk.threats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import kz.sailau.kiosk.crypto.Argon2idParameters;
import kz.sailau.kiosk.crypto.Ed25519TokenKeys;
import kz.sailau.kiosk.crypto.PrecinctTokenKey;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.register.RegisterFixtures;
import kz.sailau.kiosk.token.KioskTokenIssuer;

/**
 * A ballot desk's files as the authority and the kiosk hand them over, written into a directory: the kiosk's token
 * public key, the pinned authority certificate (the test authority of {@link RegisterFixtures}), the desk package
 * with the precinct token key and its desk passphrase (test only). {@link #options()} are the {@code token} command
 * options that name them.
 *
 * @param election the desk's election
 * @param precinct the desk's precinct
 * @param options  {@code --election ... --passphrase-file ...}
 */
public record BallotDesk(ElectionId election, PrecinctId precinct, List<String> options) {

    /** The test desk passphrase (test only). */
    public static final String PASSPHRASE = "TEST-ONLY desk passphrase";

    /** Writes the desk's files for {@code election} and {@code precinct} into {@code directory}. */
    public static BallotDesk write(Path directory, Ed25519TokenKeys kioskKey, ElectionId election,
                                   PrecinctId precinct) throws IOException {
        Files.createDirectories(directory);
        Path publicKey = directory.resolve("token-public.key");
        Files.writeString(publicKey, Base64.getEncoder().encodeToString(kioskKey.publicKey()) + "\n");
        Path authority = RegisterFixtures.writeCertificate(directory.resolve("authority.crt.pem"),
                RegisterFixtures.authority().certificate());
        Path passphrase = directory.resolve("desk-passphrase.txt");
        Files.writeString(passphrase, PASSPHRASE + "\n");
        Path deskKey = directory.resolve("desk-" + precinct + ".key");
        Files.write(deskKey, key(election, precinct).toDeskPackage(RegisterFixtures.authority(),
                PASSPHRASE.toCharArray(), Argon2idParameters.TEST_ONLY, new SecureRandom()));
        return new BallotDesk(election, precinct, List.of("--election", election.value(), "--precinct",
                precinct.toString(), "--kiosk-public-key", publicKey.toString(), "--desk-key", deskKey.toString(),
                "--authority-cert", authority.toString(), "--passphrase-file", passphrase.toString()));
    }

    /** The test authority's precinct token key of {@code election} and {@code precinct}. */
    public static PrecinctTokenKey key(ElectionId election, PrecinctId precinct) {
        return PrecinctTokenKey.derive(RegisterFixtures.authority(), election, precinct);
    }

    /** A token issuer as the kiosk of {@code precinct} runs it, under the authority's precinct token key. */
    public static KioskTokenIssuer kioskIssuer(Ed25519TokenKeys kioskKey, ElectionId election, PrecinctId precinct) {
        return new KioskTokenIssuer(election, precinct, kioskKey::sign, key(election, precinct)::mac,
                new SecureRandom());
    }

    /** {@code token <command> [extra...] <desk options> codes...}. */
    public String[] command(String command, List<String> extra, List<String> codes) {
        List<String> all = new ArrayList<>();
        all.add("token");
        all.add(command);
        all.addAll(extra);
        all.addAll(options);
        all.addAll(codes);
        return all.toArray(String[]::new);
    }
}
