package kz.sailau.kiosk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.Callable;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.crypto.Digests;
import kz.sailau.kiosk.crypto.NodeCredentials;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.crypto.KioskCryptoException;
import kz.sailau.kiosk.crypto.Pem;
import kz.sailau.kiosk.store.AtomicFileReplacement;
import kz.sailau.kiosk.crypto.PrecinctTokenKey;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code authority init} and {@code authority certify-kiosk}: the election authority's key ceremony. */
final class AuthorityCommands {

    private AuthorityCommands() {
    }

    @Command(name = "authority", mixinStandardHelpOptions = true,
            description = "The election authority's signing key (stand-in for the national CA).")
    static final class Group extends KioskCommandLine.GroupCommand {
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Create the authority's ECDSA P-256 signing key and self-signed certificate.",
                    "Writes DIR/authority.crt.pem (public, pinned on every kiosk) and DIR/authority-key.sealed "
                            + "(private key sealed under the passphrase with Argon2id + AES-256-GCM)."})
    static final class Init implements Callable<Integer> {
        private final CliEnvironment env;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Authority directory to create.")
        Path out;

        @Option(names = "--name", paramLabel = "CN", defaultValue = "Central Election Commission",
                description = "Certificate common name (default: ${DEFAULT-VALUE}).")
        String name;

        @Option(names = "--validity-days", paramLabel = "DAYS", defaultValue = "730",
                description = "Certificate validity (default: ${DEFAULT-VALUE}).")
        int validityDays;

        @Mixin
        PassphraseOption passphrase;

        @Mixin
        Argon2Options argon2;

        Init(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() throws Exception {
            ArgumentChecks.directoryToWrite(out, "--out");
            if (Files.exists(out.resolve(AuthorityCredentials.SEALED_KEY_FILE))) {
                throw new CliException("authority.error.exists", "authority key already exists in " + out
                        + "; refusing to overwrite");
            }
            if (Files.exists(out.resolve(KioskCredentials.SEALED_KEYS_FILE))
                    || Files.exists(out.resolve(NodeCredentials.SEALED_KEY_FILE))) {
                throw new CliException("authority.error.machineDirectory", "--out: " + out + " holds a kiosk's or a "
                        + "node's sealed key; the authority's key is kept in a directory of its own, never on a kiosk");
            }
            ArgumentChecks.validityDays(validityDays);
            if (name.isBlank() || name.length() > 64 || name.codePoints().anyMatch(Character::isISOControl)) {
                throw new CliException("cli.error.name", "--name must be 1-64 printable characters");
            }
            argon2.parameters();
            AuthorityCredentials created = passphrase.useNew("New authority passphrase", secret -> {
                AuthorityCredentials authority = AuthorityCredentials.generate(name, env.clock(),
                        Duration.ofDays(validityDays), env.random());
                authority.save(out, secret, argon2.parameters(), env.random());
                return authority;
            });
            env.out().println("authority key created in " + out);
            env.out().println("certificate: " + out.resolve(AuthorityCredentials.CERTIFICATE_FILE));
            env.out().println("certificate SHA-256 fingerprint (read it out at each kiosk's 'kiosk init'): "
                    + Digests.fingerprintToReadAloud(created.certificate()));
            return KioskCommandLine.OK;
        }
    }

    /** An authority directory: its certificate and sealed key are there. */
    static Path authorityDirectory(Path directory) {
        ArgumentChecks.existingDirectory(directory, "--authority");
        if (!Files.isRegularFile(directory.resolve(AuthorityCredentials.CERTIFICATE_FILE))
                || !Files.isRegularFile(directory.resolve(AuthorityCredentials.SEALED_KEY_FILE))) {
            throw new CliException("authority.error.notFound", "--authority: " + directory + " holds no authority key "
                    + "(" + AuthorityCredentials.CERTIFICATE_FILE + ", " + AuthorityCredentials.SEALED_KEY_FILE
                    + "); run 'authority init' first");
        }
        return directory;
    }

    /** {@code --authority DIR}: the authority directory of a command that signs as the authority. */
    static final class AuthorityOption {
        @Option(names = "--authority", required = true, paramLabel = "DIR", description = "Authority directory.")
        Path directory;

        /** The directory, checked to be an authority directory ({@link #authorityDirectory}). */
        Path checked() {
            return authorityDirectory(directory);
        }

        /**
         * Checks, before any passphrase is asked, that the directory is an authority directory and that {@code out}
         * is a new file outside it: where a precinct token key is written.
         */
        void checkKeyOutput(Path out, String what, String marker) {
            checked();
            // Only an earlier file of the same kind may be replaced: never the authority's key, a kiosk's or a
            // node's sealed key, or the passphrase file.
            ArgumentChecks.replaceableFile(out, "--out", what, marker);
            ArgumentChecks.outside(out, "--out", directory, "the authority directory");
        }

        /**
         * Unseals the authority key with the authority passphrase (asked now, wiped at once): the one step of every
         * command that signs as the authority.
         *
         * @throws CliException         when no passphrase can be read
         * @throws KioskCryptoException on a wrong passphrase or a damaged key file
         * @throws IOException          when a file cannot be read
         */
        AuthorityCredentials unseal(PassphraseOption passphrase) throws IOException {
            return passphrase.use("Authority passphrase", secret -> AuthorityCredentials.load(directory, secret));
        }
    }

    @Command(name = "certify-kiosk", mixinStandardHelpOptions = true,
            description = "Check a kiosk's certification request and issue its certificate (key encipherment).")
    static final class CertifyKiosk implements Callable<Integer> {
        private final CliEnvironment env;

        @Mixin
        AuthorityOption authority;

        @Option(names = "--request", required = true, paramLabel = "FILE",
                description = "The kiosk's request, DATA/kiosk.csr.pem.")
        Path request;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the kiosk certificate.")
        Path out;

        @Option(names = "--validity-days", paramLabel = "DAYS", defaultValue = "365",
                description = "Certificate validity (default: ${DEFAULT-VALUE}).")
        int validityDays;

        @Mixin
        PassphraseOption passphrase;

        CertifyKiosk(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() throws Exception {
            authority.checked();
            ArgumentChecks.existingFile(request, "--request");
            ArgumentChecks.replaceableFile(out, "--out", "a certificate", "-----BEGIN CERTIFICATE-----");
            ArgumentChecks.outside(out, "--out", authority.directory, "the authority directory");
            ArgumentChecks.validityDays(validityDays);
            X509Certificate certificate = authority.unseal(passphrase).certifyKiosk(
                    ArgumentChecks.smallFile(request, "--request"), env.clock(), Duration.ofDays(validityDays),
                    env.random());
            AtomicFileReplacement.write(out, Pem.certificate(certificate));
            env.out().println("kiosk certificate written to " + out + " for "
                    + certificate.getSubjectX500Principal().getName());
            return KioskCommandLine.OK;
        }
    }

    /** The election and precinct a precinct token key is for, checked before the authority key is unsealed. */
    static final class PrecinctTarget {
        @Option(names = "--election", required = true, paramLabel = "ID", description = "Election id.")
        String election;

        @Option(names = "--precinct", required = true, paramLabel = "P", description = "Precinct number.")
        String precinct;

        ElectionId electionId() {
            return ArgumentChecks.election(election, "--election");
        }

        PrecinctId precinctId() {
            return ArgumentChecks.precinct(precinct, "--precinct");
        }
    }

    @Command(name = "token-key", mixinStandardHelpOptions = true,
            description = {"Issue the precinct token key to a kiosk: the key under which the kiosk authenticates the "
                    + "typed codes of its ballot tokens, for one election and precinct, signed by the authority and "
                    + "encrypted to the kiosk certificate (decision 0120). Copy the file to DATA/"
                    + PrecinctTokenKey.KIOSK_FILE + " on the kiosk. Every kiosk of a precinct gets the same key."})
    static final class TokenKey implements Callable<Integer> {
        private final CliEnvironment env;

        @Mixin
        AuthorityOption authority;

        @Mixin
        PrecinctTarget target;

        @Option(names = "--kiosk-cert", required = true, paramLabel = "FILE",
                description = "The kiosk's certificate from 'authority certify-kiosk'.")
        Path kioskCertificate;

        @Option(names = "--out", required = true, paramLabel = "FILE",
                description = "Where to write the kiosk's key package (" + PrecinctTokenKey.KIOSK_FILE + ").")
        Path out;

        @Mixin
        PassphraseOption passphrase;

        TokenKey(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() throws Exception {
            ElectionId election = target.electionId();
            PrecinctId precinct = target.precinctId();
            authority.checkKeyOutput(out, "a kiosk's token key package", PrecinctTokenKey.KIOSK_PACKAGE_MARKER);
            X509Certificate kiosk = Pem.readCertificate(ArgumentChecks.smallFile(kioskCertificate, "--kiosk-cert"));
            String subject = kiosk.getSubjectX500Principal().getName();
            if (!subject.contains("OU=Precinct " + precinct.number() + ",") && !subject.endsWith("OU=Precinct "
                    + precinct.number())) {
                throw new CliException("authority.error.precinctMismatch", "the kiosk certificate (" + subject
                        + ") is not for precinct " + precinct);
            }
            AuthorityCredentials signer = authority.unseal(passphrase);
            byte[] kioskPackage = PrecinctTokenKey.derive(signer, election, precinct).toKioskPackage(signer, kiosk);
            AtomicFileReplacement.write(out, kioskPackage);
            env.out().println("precinct token key for election " + election + ", precinct " + precinct
                    + " written to " + out + " (encrypted to " + subject + ")");
            return KioskCommandLine.OK;
        }
    }

    @Command(name = "desk-key", mixinStandardHelpOptions = true,
            description = {"Issue the precinct token key to the ballot desk: the same key the precinct's kiosks "
                    + "hold, signed by the authority and sealed under the desk passphrase (Argon2id, AES-256-GCM), so "
                    + "that 'token verify' and 'token redeem' check typed codes offline (decision 0120). Give the "
                    + "file and, by another channel, the desk passphrase to the precinct's ballot desk."})
    static final class DeskKey implements Callable<Integer> {
        private final CliEnvironment env;

        @Mixin
        AuthorityOption authority;

        @Mixin
        PrecinctTarget target;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the desk package.")
        Path out;

        @Option(names = "--desk-passphrase-file", paramLabel = "FILE",
                description = "Read the new desk passphrase from the first line of FILE instead of the console.")
        Path deskPassphraseFile;

        @Mixin
        PassphraseOption passphrase;

        @Mixin
        Argon2Options argon2;

        DeskKey(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() throws Exception {
            ElectionId election = target.electionId();
            PrecinctId precinct = target.precinctId();
            authority.checkKeyOutput(out, "a ballot desk key package", PrecinctTokenKey.DESK_PACKAGE_MARKER);
            if (deskPassphraseFile != null) {
                ArgumentChecks.existingFile(deskPassphraseFile, "--desk-passphrase-file");
            }
            PassphraseOption desk = new PassphraseOption();
            desk.file = deskPassphraseFile;
            desk.option = "--desk-passphrase-file";
            desk.useNew("New ballot desk passphrase", deskSecret -> {
                AuthorityCredentials signer = authority.unseal(passphrase);
                AtomicFileReplacement.write(out, PrecinctTokenKey.derive(signer, election, precinct)
                        .toDeskPackage(signer, deskSecret, argon2.parameters(), env.random()));
                return out;
            });
            env.out().println("ballot desk key for election " + election + ", precinct " + precinct
                    + " written to " + out);
            return KioskCommandLine.OK;
        }
    }
}
