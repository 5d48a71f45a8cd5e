package kz.sailau.kiosk.precinct;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import kz.sailau.kiosk.crypto.Argon2idParameters;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.crypto.Pem;
import kz.sailau.kiosk.crypto.PrecinctTokenKey;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;

/**
 * What the authority and the kiosks hand a ballot desk, as files: the kiosks' public token keys, the desk package
 * (sealed under the precinct's TEST passphrase) and the authority certificate; and the {@code token desk} command
 * that opens them. One wiring for the desk's process tests.
 */
record DeskFiles(List<Path> kioskKeys, Path deskKey, Path authority, ElectionId election, PrecinctId precinct) {

    /** Writes the files into {@code folder}: {@code kiosk-N.pub}, {@code desk-key.p7}, {@code authority.crt.pem}. */
    static DeskFiles write(Path folder, AuthorityCredentials authority, ElectionId election, PrecinctId precinct,
                           List<byte[]> kioskPublicKeys, SecureRandom random) throws IOException {
        List<Path> keys = new ArrayList<>();
        for (int i = 0; i < kioskPublicKeys.size(); i++) {
            keys.add(Files.writeString(folder.resolve("kiosk-" + (i + 1) + ".pub"),
                    Base64.getEncoder().encodeToString(kioskPublicKeys.get(i))));
        }
        Path deskKey = Files.write(folder.resolve("desk-key.p7"), PrecinctTokenKey.derive(authority, election, precinct)
                .toDeskPackage(authority, InProcessPrecinct.PASSPHRASE.clone(), Argon2idParameters.TEST_ONLY, random));
        Path certificate = Files.write(folder.resolve("authority.crt.pem"), Pem.certificate(authority.certificate()));
        return new DeskFiles(List.copyOf(keys), deskKey, certificate, election, precinct);
    }

    /** {@code token desk} with these files, for the desk's node {@code directory}. */
    List<String> command(String directory, String passphraseFile) {
        List<String> command = new ArrayList<>(List.of("token", "desk", "--dir", directory, "--election",
                election.value(), "--precinct", String.valueOf(precinct.number())));
        for (Path key : kioskKeys) {
            command.addAll(List.of("--kiosk-public-key", key.toString()));
        }
        command.addAll(List.of("--desk-key", deskKey.toString(), "--authority-cert", authority.toString(),
                "--passphrase-file", passphraseFile));
        return command;
    }

    /** {@link #command} as a process of its own: this JVM's {@code java}, a small heap, the executable jar. */
    List<String> process(String jar, String directory, String passphraseFile) {
        List<String> process = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx192m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar));
        process.addAll(command(directory, passphraseFile));
        return process;
    }
}
