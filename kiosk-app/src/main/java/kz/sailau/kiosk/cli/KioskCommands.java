package kz.sailau.kiosk.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.crypto.Digests;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.crypto.KioskSignatures;
import kz.sailau.kiosk.crypto.Pem;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.register.KioskDataDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kiosk init}: the kiosk's side of the key ceremony. */
final class KioskCommands {

    private KioskCommands() {
    }

    @Command(name = "kiosk", mixinStandardHelpOptions = true, description = "The kiosk's own keys and data directory.")
    static final class Group extends KioskCommandLine.GroupCommand {
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Create the kiosk's RSA-3072 key pair and store master key (sealed under the administrator's "
                    + "passphrase with Argon2id), pin the authority certificate, and write the certification request "
                    + "DATA/kiosk.csr.pem for 'authority certify-kiosk'."})
    static final class Init implements Callable<Integer> {
        private final CliEnvironment env;

        @Option(names = "--data", required = true, paramLabel = "DIR", description = "Kiosk data directory.")
        Path data;

        @Option(names = "--precinct", required = true, paramLabel = "P", description = "Precinct number this kiosk serves.")
        int precinct;

        @Option(names = "--authority-cert", required = true, paramLabel = "FILE",
                description = "The authority certificate to pin (authority.crt.pem, from the authority by a trusted channel).")
        Path authorityCertificate;

        @Option(names = "--election", paramLabel = "ID",
                description = "Pin the election id (otherwise the first loaded register's election is kept).")
        String election;

        @Mixin
        PassphraseOption passphrase;

        @Mixin
        Argon2Options argon2;

        Init(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() throws Exception {
            ArgumentChecks.directoryToWrite(data, "--data");
            if (Files.exists(data.resolve(KioskCredentials.SEALED_KEYS_FILE))) {
                Optional<String> unfinished = KioskDataDirectory.at(data).unfinishedInitialisation();
                if (unfinished.isPresent()) {
                    throw new CliException("kiosk.error.exists", unfinished.get());
                }
                throw new CliException("kiosk.error.exists", "kiosk keys already exist in " + data
                        + "; refusing to overwrite");
            }
            if (Files.exists(data.resolve(AuthorityCredentials.SEALED_KEY_FILE))) {
                throw new CliException("kiosk.error.authorityDirectory", "--data: " + data + " holds the authority's "
                        + "sealed key; a kiosk's data directory is never the authority's (its key must not travel "
                        + "with the kiosk)");
            }
            PrecinctId precinctId = ArgumentChecks.precinct(precinct, "--precinct");
            Optional<ElectionId> electionId = Optional.ofNullable(election)
                    .map(e -> ArgumentChecks.election(e, "--election"));
            var authority = Pem.readCertificate(ArgumentChecks.smallFile(authorityCertificate, "--authority-cert"));
            KioskSignatures.checkAuthorityCertificate(authority);
            argon2.parameters();
            Path request = passphrase.useNew("New kiosk passphrase", secret -> KioskDataDirectory.at(data)
                    .initialise(precinctId, electionId, authority, secret, argon2.parameters(), env.random()));
            env.out().println("kiosk keys created in " + data + " for precinct " + precinctId);
            env.out().println("certification request: " + request);
            env.out().println("pinned authority certificate, SHA-256 fingerprint "
                    + Digests.fingerprintToReadAloud(authority) + ": compare it with the one the authority reads out");
            return KioskCommandLine.OK;
        }
    }
}
