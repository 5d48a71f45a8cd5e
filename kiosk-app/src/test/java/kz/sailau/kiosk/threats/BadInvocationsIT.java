package kz.sailau.kiosk.threats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kz.sailau.kiosk.cli.JarRunner;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.register.RegisterFixtures;
import kz.sailau.kiosk.register.VoterCsvReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Threat: an administrator, clerk or observer gives a command a bad input, by mistake or to see what breaks.
 * Every subcommand is run through the real command line with each kind of bad input it can get (missing, unreadable,
 * damaged or misplaced files and directories, out-of-range numbers, wrong passphrases, wrong certificates, weak or
 * identifying clerk logins ...). Each must answer with a non-zero exit, exactly one line on standard error naming a
 * message key, no Java exception or stack trace anywhere, and leave no file, directory or database behind (the
 * tree of the working directory is the same afterwards, {@code .tmp} files included).
 */
class BadInvocationsIT {

    /** {@code error [key]: ...} or another one-line form that names its key in brackets. */
    private static final Pattern KEYED = Pattern.compile(".*\\[([a-z]+(?:\\.[A-Za-z0-9]+)+)\\].*");

    /** The ballot desk's options of {@code token verify|redeem}, with places to substitute. */
    private static final String[] DESK = {"--election", "KZ-2026-TEST", "--precinct", "101",
        "--kiosk-public-key", "{PUB}", "--desk-key", "{DESK}", "--authority-cert", "{ACERT}",
        "--passphrase-file", "{P}"};

    @TempDir
    static Path root;
    /** Outside {@link #root}: its snapshot reads every file, and this one holds sparse files of 3 GB. */
    @TempDir
    static Path huge;
    static ThreatWorld world;
    static final Map<String, String> PLACES = new TreeMap<>();

    @BeforeAll
    static void world() throws Exception {
        world = ThreatWorld.create(root);
        Path v1 = world.registerPackage("v1.srp", 4, 1);
        ThreatWorld.succeed("register", "load", "--data", world.kiosk.toString(), "--package", v1.toString(),
                "--passphrase-file", world.passphrase.toString());
        Path empty = root.resolve("empty-kiosk");
        RegisterFixtures.initKiosk(empty, RegisterFixtures.PRECINCT);
        Path otherPrecinctCertificate = RegisterFixtures.writeCertificate(root.resolve("kiosk-102.crt.pem"),
                RegisterFixtures.initKiosk(root.resolve("kiosk-102"), new PrecinctId(102)));
        PLACES.put("{CERT102}", otherPrecinctCertificate.toString());
        Path garbage = Files.writeString(root.resolve("garbage.bin"), "garbage, not what was asked for\n");
        Path emptyFile = Files.writeString(root.resolve("empty.txt"), "");
        Path directory = Files.createDirectories(root.resolve("a-directory"));
        Path prints = Files.createDirectories(root.resolve("prints"));
        Path voters = Files.writeString(root.resolve("voters.csv"), VoterCsvReader.HEADER + "\n");
        byte[] key = new byte[32];
        RegisterFixtures.RANDOM.nextBytes(key);
        Path publicKey = Files.writeString(root.resolve("kiosk-token.pub"), Base64.getEncoder().encodeToString(key));
        Path shortKey = Files.writeString(root.resolve("short-token.pub"), Base64.getEncoder().encodeToString(
                new byte[7]));
        Path weakPin = Files.writeString(root.resolve("weak-pin.txt"), "123456\n");
        Path goodPin = Files.writeString(root.resolve("good-pin.txt"), "582914\n");
        Path shortPassphrase = Files.writeString(root.resolve("short-passphrase.txt"), "short\n");
        // The ballot desk's package of the precinct token key (decision 0120), under the world's passphrase.
        char[] secret = Files.readString(world.passphrase).strip().toCharArray();
        kz.sailau.kiosk.crypto.AuthorityCredentials authorityKey =
                kz.sailau.kiosk.crypto.AuthorityCredentials.load(world.authority, secret);
        Path deskKey = root.resolve("desk-101.key");
        Files.write(deskKey, kz.sailau.kiosk.crypto.PrecinctTokenKey.derive(authorityKey, RegisterFixtures.ELECTION,
                RegisterFixtures.PRECINCT).toDeskPackage(authorityKey, secret,
                kz.sailau.kiosk.crypto.Argon2idParameters.TEST_ONLY, RegisterFixtures.RANDOM));
        Path otherDeskKey = root.resolve("desk-102.key");
        Files.write(otherDeskKey, kz.sailau.kiosk.crypto.PrecinctTokenKey.derive(authorityKey,
                RegisterFixtures.ELECTION, new kz.sailau.kiosk.model.PrecinctId(102)).toDeskPackage(authorityKey,
                secret, kz.sailau.kiosk.crypto.Argon2idParameters.TEST_ONLY, RegisterFixtures.RANDOM));
        Path fifo = root.resolve("a-pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        assertEquals(0, mkfifo.waitFor(), "this test needs mkfifo (coreutils) to make a named pipe: "
                + new String(mkfifo.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        PLACES.put("{FIFO}", fifo.toString());
        try (java.io.RandomAccessFile sparse = new java.io.RandomAccessFile(huge.resolve("kiosk-2.bundle").toFile(),
                "rw")) {
            sparse.setLength(3L * 1024 * 1024 * 1024);
        }
        try (java.io.RandomAccessFile sparse = new java.io.RandomAccessFile(huge.resolve("precinct.json").toFile(),
                "rw")) {
            sparse.setLength(3L * 1024 * 1024 * 1024);
        }
        PLACES.put("{HUGE}", huge.toString());
        // A node directory whose listen address (TEST-NET-1, RFC 5737) is no address of this machine.
        Path farNode = Files.createDirectories(root.resolve("far-node"));
        Files.writeString(farNode.resolve("precinct.json"), "{\"name\": \"desk-1\", \"listen\": \"192.0.2.1:7800\", "
                + "\"peers\": {\"desk-1\": \"192.0.2.1:7800\", \"kiosk-1\": \"192.0.2.2:7800\"}, "
                + "\"members\": [\"desk-1\", \"kiosk-1\"]}\n");
        PLACES.put("{FARNODE}", farNode.toString());
        // A node directory whose precinct.json misspells a field: refused, not read as if the field were absent.
        Path typoNode = Files.createDirectories(root.resolve("typo-node"));
        Files.writeString(typoNode.resolve("precinct.json"), "{\"name\": \"desk-1\", \"listen\": \"127.0.0.1:7800\", "
                + "\"peers\": {\"desk-1\": \"127.0.0.1:7800\"}, \"members\": [\"desk-1\"], \"comitTimeoutMillis\": 3000}\n");
        PLACES.put("{TYPONODE}", typoNode.toString());
        // A set folder whose name holds a newline: it would split the printout's line and a voters.tsv row.
        Path newlineSet = Files.createDirectories(root.resolve("newline-sets").resolve("s\nx"));
        Files.writeString(newlineSet.resolve("101_1.png"), "not decoded: the layout is refused first");
        Files.writeString(newlineSet.resolve("102_1.png"), "not decoded: the layout is refused first");
        PLACES.put("{NLSETS}", newlineSet.getParent().toString());
        // A kiosk whose database was emptied (0 bytes): SQLite would take it for a new database.
        Path emptied = root.resolve("emptied-kiosk");
        RegisterFixtures.initKiosk(emptied, RegisterFixtures.PRECINCT);
        Files.createFile(emptied.resolve("kiosk.db"));
        PLACES.put("{EMPTIED}", emptied.toString());
        PLACES.putAll(Map.ofEntries(Map.entry("{A}", world.authority.toString()),
                Map.entry("{K}", world.kiosk.toString()), Map.entry("{E}", empty.toString()),
                Map.entry("{P}", world.passphrase.toString()), Map.entry("{W}", world.wrongPassphrase.toString()),
                Map.entry("{G}", garbage.toString()), Map.entry("{EMPTY}", emptyFile.toString()),
                Map.entry("{D}", directory.toString()), Map.entry("{N}", root.resolve("no-such-dir").toString()),
                Map.entry("{CERT}", world.kioskCertificateFile.toString()),
                Map.entry("{ACERT}", world.authorityCertificateFile.toString()),
                Map.entry("{CSR}", world.kiosk.resolve("kiosk.csr.pem").toString()),
                Map.entry("{SRP}", v1.toString()), Map.entry("{CSV}", voters.toString()),
                Map.entry("{PRINTS}", prints.toString()), Map.entry("{PUB}", publicKey.toString()),
                Map.entry("{PUB7}", shortKey.toString()), Map.entry("{PIN}", goodPin.toString()),
                Map.entry("{WEAKPIN}", weakPin.toString()), Map.entry("{SHORTPASS}", shortPassphrase.toString()),
                Map.entry("{DESK}", deskKey.toString()), Map.entry("{DESK102}", otherDeskKey.toString()),
                Map.entry("{OUT}", root.resolve("out").toString())));
    }

    /** One bad invocation: what it is, the exit code and the key it must answer with, and its arguments. */
    record Bad(String what, int exit, String key, String... args) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Bad> badInvocations() {
        List<Bad> all = new ArrayList<>();
        // authority init
        all.add(new Bad("authority init without --out", 2, "cli.error.usage", "authority", "init"));
        all.add(new Bad("authority init --validity-days -5", 1, "cli.error.validity", "authority", "init", "--out",
                "{OUT}/a1", "--validity-days", "-5", "--passphrase-file", "{P}"));
        all.add(new Bad("authority init --validity-days 0", 1, "cli.error.validity", "authority", "init", "--out",
                "{OUT}/a2", "--validity-days", "0", "--passphrase-file", "{P}"));
        all.add(new Bad("authority init --validity-days 3000000 (8,200 years)", 1, "cli.error.validity", "authority",
                "init", "--out", "{OUT}/a4", "--validity-days", "3000000", "--passphrase-file", "{P}"));
        all.add(new Bad("authority init --validity-days abc", 2, "cli.error.usage", "authority", "init", "--out",
                "{OUT}/a3", "--validity-days", "abc", "--passphrase-file", "{P}"));
        all.add(new Bad("authority init over an existing authority", 1, "authority.error.exists", "authority", "init",
                "--out", "{A}", "--passphrase-file", "{P}"));
        all.add(new Bad("authority init --out a file", 1, "cli.error.notDirectory", "authority", "init", "--out",
                "{G}", "--passphrase-file", "{P}"));
        all.add(new Bad("authority init without a passphrase file", 1, "cli.error.passphrase", "authority", "init",
                "--out", "{OUT}/a4", "--passphrase-file", "{N}/pass.txt"));
        all.add(new Bad("authority init with an empty passphrase file", 1, "cli.error.passphrase", "authority",
                "init", "--out", "{OUT}/a5", "--passphrase-file", "{EMPTY}"));
        all.add(new Bad("authority init with a short passphrase", 1, "crypto.error.passphraseTooShort", "authority",
                "init", "--out", "{OUT}/a9", "--passphrase-file", "{SHORTPASS}"));
        all.add(new Bad("authority init --name blank", 1, "cli.error.name", "authority", "init", "--out", "{OUT}/a6",
                "--name", " ", "--passphrase-file", "{P}"));
        all.add(new Bad("authority init --argon2-memory-kib 1", 1, "cli.error.argon2", "authority", "init", "--out",
                "{OUT}/a7", "--argon2-memory-kib", "1", "--passphrase-file", "{P}"));
        all.add(new Bad("authority init --unknown", 2, "cli.error.usage", "authority", "init", "--out", "{OUT}/a8",
                "--unknown"));
        // authority certify-kiosk
        all.add(new Bad("certify-kiosk without options", 2, "cli.error.usage", "authority", "certify-kiosk"));
        all.add(new Bad("certify-kiosk --authority missing", 1, "cli.error.noDirectory", "authority",
                "certify-kiosk", "--authority", "{N}", "--request", "{CSR}", "--out", "{OUT}-k.pem",
                "--passphrase-file", "{P}"));
        all.add(new Bad("certify-kiosk --authority not an authority", 1, "authority.error.notFound", "authority",
                "certify-kiosk", "--authority", "{D}", "--request", "{CSR}", "--out", "{OUT}-k.pem",
                "--passphrase-file", "{P}"));
        all.add(new Bad("certify-kiosk --request missing", 1, "cli.error.noFile", "authority", "certify-kiosk",
                "--authority", "{A}", "--request", "{N}/kiosk.csr.pem", "--out", "{OUT}-k.pem", "--passphrase-file",
                "{P}"));
        all.add(new Bad("certify-kiosk --request garbage", 1, "crypto.error.requestFormat", "authority",
                "certify-kiosk", "--authority", "{A}", "--request", "{G}", "--out", "{OUT}-k.pem", "--passphrase-file",
                "{P}"));
        all.add(new Bad("certify-kiosk --validity-days 0", 1, "cli.error.validity", "authority", "certify-kiosk",
                "--authority", "{A}", "--request", "{CSR}", "--out", "{OUT}-k.pem", "--validity-days", "0",
                "--passphrase-file", "{P}"));
        all.add(new Bad("certify-kiosk --validity-days 2147483647", 1, "cli.error.validity", "authority",
                "certify-kiosk", "--authority", "{A}", "--request", "{CSR}", "--out", "{OUT}-k.pem", "--validity-days",
                "2147483647", "--passphrase-file", "{P}"));
        all.add(new Bad("certify-kiosk --validity-days -5", 1, "cli.error.validity", "authority", "certify-kiosk",
                "--authority", "{A}", "--request", "{CSR}", "--out", "{OUT}-k.pem", "--validity-days", "-5",
                "--passphrase-file", "{P}"));
        all.add(new Bad("certify-kiosk --out in a missing directory", 1, "cli.error.noDirectory", "authority",
                "certify-kiosk", "--authority", "{A}", "--request", "{CSR}", "--out", "{N}/k.pem",
                "--passphrase-file", "{P}"));
        all.add(new Bad("certify-kiosk --out the authority's sealed key", 1, "cli.error.wouldOverwrite",
                "authority", "certify-kiosk", "--authority", "{A}", "--request", "{CSR}", "--out",
                "{A}/authority-key.sealed", "--passphrase-file", "{P}"));
        all.add(new Bad("certify-kiosk --out the kiosk's request", 1, "cli.error.wouldOverwrite", "authority",
                "certify-kiosk", "--authority", "{A}", "--request", "{CSR}", "--out", "{CSR}", "--passphrase-file",
                "{P}"));
        all.add(new Bad("certify-kiosk --out a new file in the authority directory", 1, "cli.error.wouldOverwrite",
                "authority", "certify-kiosk", "--authority", "{A}", "--request", "{CSR}", "--out", "{A}/kiosk.crt.pem",
                "--passphrase-file", "{P}"));
        all.add(new Bad("certify-kiosk --out a directory", 1, "cli.error.isDirectory", "authority", "certify-kiosk",
                "--authority", "{A}", "--request", "{CSR}", "--out", "{D}", "--passphrase-file", "{P}"));
        all.add(new Bad("certify-kiosk with a wrong passphrase", 1, "crypto.error.wrongPassphrase", "authority",
                "certify-kiosk", "--authority", "{A}", "--request", "{CSR}", "--out", "{OUT}-k.pem",
                "--passphrase-file", "{W}"));
        // kiosk init
        all.add(new Bad("kiosk init --data the authority directory (the authority's key would travel with the kiosk)",
                1, "kiosk.error.authorityDirectory", "kiosk", "init", "--data", "{A}", "--precinct", "101",
                "--authority-cert", "{ACERT}", "--passphrase-file", "{P}"));
        all.add(new Bad("authority init --out a kiosk's data directory", 1, "authority.error.machineDirectory",
                "authority", "init", "--out", "{K}", "--passphrase-file", "{P}"));
        all.add(new Bad("kiosk init --precinct 0", 1, "cli.error.precinct", "kiosk", "init", "--data", "{OUT}/k1",
                "--precinct", "0", "--authority-cert", "{ACERT}", "--passphrase-file", "{P}"));
        all.add(new Bad("kiosk init --precinct -1", 1, "cli.error.precinct", "kiosk", "init", "--data", "{OUT}/k2",
                "--precinct", "-1", "--authority-cert", "{ACERT}", "--passphrase-file", "{P}"));
        all.add(new Bad("kiosk init --precinct 1000000", 1, "cli.error.precinct", "kiosk", "init", "--data",
                "{OUT}/k3", "--precinct", "1000000", "--authority-cert", "{ACERT}", "--passphrase-file", "{P}"));
        all.add(new Bad("kiosk init --precinct abc", 2, "cli.error.usage", "kiosk", "init", "--data", "{OUT}/k4",
                "--precinct", "abc", "--authority-cert", "{ACERT}", "--passphrase-file", "{P}"));
        all.add(new Bad("kiosk init --authority-cert missing", 1, "cli.error.noFile", "kiosk", "init", "--data",
                "{OUT}/k5", "--precinct", "101", "--authority-cert", "{N}/a.pem", "--passphrase-file", "{P}"));
        all.add(new Bad("kiosk init --authority-cert garbage", 1, "crypto.error.certificateFormat", "kiosk", "init",
                "--data", "{OUT}/k6", "--precinct", "101", "--authority-cert", "{G}", "--passphrase-file", "{P}"));
        all.add(new Bad("kiosk init pinning a kiosk certificate as the authority", 1, "kiosk.error.authorityNotCa",
                "kiosk", "init", "--data", "{OUT}/k7", "--precinct", "101", "--authority-cert", "{CERT}",
                "--passphrase-file", "{P}"));
        all.add(new Bad("kiosk init --election with spaces", 1, "cli.error.election", "kiosk", "init", "--data",
                "{OUT}/k8", "--precinct", "101", "--authority-cert", "{ACERT}", "--election", "kz 2026",
                "--passphrase-file", "{P}"));
        all.add(new Bad("kiosk init over an initialised kiosk", 1, "kiosk.error.exists", "kiosk", "init", "--data",
                "{K}", "--precinct", "101", "--authority-cert", "{ACERT}", "--passphrase-file", "{P}"));
        all.add(new Bad("kiosk init --data a file", 1, "cli.error.notDirectory", "kiosk", "init", "--data", "{G}",
                "--precinct", "101", "--authority-cert", "{ACERT}", "--passphrase-file", "{P}"));
        all.add(new Bad("kiosk init with a short passphrase", 1, "crypto.error.passphraseTooShort", "kiosk", "init",
                "--data", "{OUT}/k10", "--precinct", "101", "--authority-cert", "{ACERT}", "--passphrase-file",
                "{SHORTPASS}"));
        all.add(new Bad("kiosk init without a passphrase file", 1, "cli.error.passphrase", "kiosk", "init",
                "--data", "{OUT}/k9", "--precinct", "101", "--authority-cert", "{ACERT}", "--passphrase-file",
                "{N}/p.txt"));
        // register build
        String[] build = {"register", "build", "--voters", "{CSV}", "--prints", "{PRINTS}", "--authority", "{A}",
                "--kiosk-cert", "{CERT}", "--election", "KZ-2026-TEST", "--precinct", "101", "--version", "2",
                "--out", "{OUT}-b.srp", "--passphrase-file", "{P}"};
        all.add(new Bad("register build --voters missing", 1, "cli.error.noFile", with(build, "--voters",
                "{N}/voters.csv")));
        all.add(new Bad("register build --voters a directory", 1, "cli.error.isDirectory", with(build, "--voters",
                "{D}")));
        all.add(new Bad("register build --prints missing", 1, "cli.error.noDirectory", with(build, "--prints",
                "{N}")));
        all.add(new Bad("register build --authority missing", 1, "cli.error.noDirectory", with(build,
                "--authority", "{N}")));
        all.add(new Bad("register build --authority not an authority", 1, "authority.error.notFound", with(build,
                "--authority", "{D}")));
        all.add(new Bad("register build --kiosk-cert missing", 1, "cli.error.noFile", with(build, "--kiosk-cert",
                "{N}/k.pem")));
        all.add(new Bad("register build --kiosk-cert garbage", 1, "crypto.error.certificateFormat", with(build,
                "--kiosk-cert", "{G}")));
        all.add(new Bad("register build --kiosk-cert the authority's", 1, "register.error.kioskCertificate",
                with(build, "--kiosk-cert", "{ACERT}")));
        all.add(new Bad("register build --kiosk-cert of another precinct", 1, "register.error.kioskPrecinct",
                with(build, "--kiosk-cert", "{CERT102}")));
        all.add(new Bad("register build --kiosk-cert of another precinct among the precinct's", 1,
                "register.error.kioskPrecinct", concat(build, "--kiosk-cert", "{CERT102}")));
        all.add(new Bad("register build --kiosk-cert the same kiosk twice", 1, "register.error.duplicateKiosk",
                concat(build, "--kiosk-cert", "{CERT}")));
        all.add(new Bad("register build --version 0", 1, "cli.error.version", with(build, "--version", "0")));
        all.add(new Bad("register build --version -3", 1, "cli.error.version", with(build, "--version", "-3")));
        all.add(new Bad("register build --version x", 2, "cli.error.usage", with(build, "--version", "x")));
        all.add(new Bad("register build --precinct 0", 1, "cli.error.precinct", with(build, "--precinct", "0")));
        all.add(new Bad("register build --election lower case", 1, "cli.error.election", with(build, "--election",
                "kz-2026")));
        all.add(new Bad("register build --election empty", 1, "cli.error.election", with(build, "--election", "")));
        all.add(new Bad("register build --out in a missing directory", 1, "cli.error.noDirectory", with(build,
                "--out", "{N}/r.srp")));
        all.add(new Bad("register build --out a directory", 1, "cli.error.isDirectory", with(build, "--out",
                "{D}")));
        all.add(new Bad("register build --out the voters file (it would be replaced by the package)", 1,
                "cli.error.wouldOverwrite", with(build, "--out", "{CSV}")));
        all.add(new Bad("register build --report in a missing directory", 1, "cli.error.noDirectory",
                concat(build, "--report", "{N}/report.tsv")));
        all.add(new Bad("register build --accept-duplicates missing", 1, "cli.error.noFile", concat(build,
                "--accept-duplicates", "{N}/accepted.txt")));
        all.add(new Bad("register build --duplicate-threshold -1", 1, "cli.error.threshold", concat(build,
                "--duplicate-threshold", "-1")));
        all.add(new Bad("register build --duplicate-threshold NaN", 1, "cli.error.threshold", concat(build,
                "--duplicate-threshold", "NaN")));
        all.add(new Bad("register build with a wrong passphrase", 1, "crypto.error.wrongPassphrase", with(build,
                "--passphrase-file", "{W}")));
        // register inspect
        all.add(new Bad("register inspect without a file", 2, "cli.error.usage", "register", "inspect",
                "--authority-cert", "{ACERT}"));
        all.add(new Bad("register inspect a missing file", 1, "cli.error.noFile", "register", "inspect",
                "{N}/x.srp", "--authority-cert", "{ACERT}"));
        all.add(new Bad("register inspect garbage", 1, "register.error.notAPackage", "register", "inspect", "{G}",
                "--authority-cert", "{ACERT}"));
        all.add(new Bad("register inspect --data not a kiosk", 1, "kiosk.error.notInitialised", "register",
                "inspect", "{SRP}", "--data", "{D}"));
        all.add(new Bad("register inspect --data missing", 1, "cli.error.noDirectory", "register", "inspect",
                "{SRP}", "--data", "{N}"));
        all.add(new Bad("register inspect with both trust options", 2, "cli.error.usage", "register", "inspect",
                "{SRP}", "--data", "{K}", "--authority-cert", "{ACERT}"));
        all.add(new Bad("register inspect against the kiosk certificate", 1, "register.error.signature", "register",
                "inspect", "{SRP}", "--authority-cert", "{CERT}"));
        // register load
        all.add(new Bad("register load --data missing", 1, "cli.error.noDirectory", "register", "load", "--data",
                "{N}", "--package", "{SRP}", "--passphrase-file", "{P}"));
        all.add(new Bad("register load --data not a kiosk", 1, "kiosk.error.notInitialised", "register", "load",
                "--data", "{D}", "--package", "{SRP}", "--passphrase-file", "{P}"));
        all.add(new Bad("register load --package missing", 1, "cli.error.noFile", "register", "load", "--data",
                "{K}", "--package", "{N}/x.srp", "--passphrase-file", "{P}"));
        all.add(new Bad("register load --max-bytes 0", 1, "cli.error.maxBytes", "register", "load", "--data", "{K}",
                "--package", "{SRP}", "--max-bytes", "0", "--passphrase-file", "{P}"));
        all.add(new Bad("register load with a wrong passphrase", 1, "crypto.error.wrongPassphrase", "register",
                "load", "--data", "{K}", "--package", "{SRP}", "--passphrase-file", "{W}"));
        all.add(new Bad("register load garbage", 1, "register.error.notAPackage", "register", "load", "--data",
                "{K}", "--package", "{G}", "--passphrase-file", "{P}"));
        all.add(new Bad("register load the same version again", 1, "register.error.rollback", "register", "load",
                "--data", "{K}", "--package", "{SRP}", "--passphrase-file", "{P}"));
        // register status
        all.add(new Bad("register status --data missing", 1, "cli.error.noDirectory", "register", "status", "--data",
                "{N}"));
        all.add(new Bad("register status --data not a kiosk", 1, "kiosk.error.notInitialised", "register",
                "status", "--data", "{D}"));
        all.add(new Bad("register status of a kiosk without a database", 1, "register.error.noneLoaded", "register",
                "status", "--data", "{E}"));
        // token verify / redeem (the ballot desk)
        String[] desk = DESK.clone();
        all.add(new Bad("token verify without options", 2, "cli.error.usage", "token", "verify", "CODE"));
        all.add(new Bad("token verify --kiosk-public-key missing", 1, "cli.error.noFile", concat(
                new String[] {"token", "verify"}, with(desk, "--kiosk-public-key", "{N}/k.pub"), "CODE")));
        all.add(new Bad("token verify --kiosk-public-key garbage", 1, "token.error.publicKey", concat(
                new String[] {"token", "verify"}, with(desk, "--kiosk-public-key", "{G}"), "CODE")));
        all.add(new Bad("token verify --kiosk-public-key 7 bytes", 1, "token.error.publicKey", concat(
                new String[] {"token", "verify"}, with(desk, "--kiosk-public-key", "{PUB7}"), "CODE")));
        all.add(new Bad("token verify --kiosk-public-key a directory", 1, "cli.error.isDirectory", concat(
                new String[] {"token", "verify"}, with(desk, "--kiosk-public-key", "{D}"), "CODE")));
        all.add(new Bad("token verify --precinct 0", 1, "cli.error.precinct", concat(
                new String[] {"token", "verify"}, with(desk, "--precinct", "0"), "CODE")));
        all.add(new Bad("token verify --precinct abc", 1, "cli.error.precinct", concat(
                new String[] {"token", "verify"}, with(desk, "--precinct", "abc"), "CODE")));
        all.add(new Bad("token verify --election empty", 1, "cli.error.election", concat(
                new String[] {"token", "verify"}, with(desk, "--election", ""), "CODE")));
        all.add(new Bad("token desk --dir missing", 1, "cli.error.noDirectory", concat(
                new String[] {"token", "desk", "--dir", "{N}/node"}, desk)));
        all.add(new Bad("token desk --dir without precinct.json", 1, "node.error.noSettings", concat(
                new String[] {"token", "desk", "--dir", "{D}"}, desk)));
        all.add(new Bad("token desk --dir listening on another machine's address", 1, "node.error.listen", concat(
                new String[] {"token", "desk", "--dir", "{FARNODE}"}, desk)));
        all.add(new Bad("clerk-station --check-only listening on another machine's address", 1, "node.error.listen",
                "clerk-station", "--dir", "{FARNODE}", "--check-only"));
        all.add(new Bad("node init with a short passphrase", 1, "crypto.error.passphraseTooShort", "node", "init",
                "--dir", "{OUT}/n1/node", "--name", "kiosk-1", "--role", "kiosk", "--precinct", "101",
                "--passphrase-file", "{SHORTPASS}"));
        all.add(new Bad("node init --name in capitals", 1, "node.error.name", "node", "init", "--dir", "{OUT}/n2",
                "--name", "KIOSK-1", "--role", "kiosk", "--precinct", "101", "--passphrase-file", "{P}"));
        all.add(new Bad("node init --role clerk", 1, "node.error.role", "node", "init", "--dir", "{OUT}/n3",
                "--name", "kiosk-1", "--role", "clerk", "--precinct", "101", "--passphrase-file", "{P}"));
        all.add(new Bad("node init --precinct 0", 1, "node.error.precinct", "node", "init", "--dir", "{OUT}/n4",
                "--name", "kiosk-1", "--role", "kiosk", "--precinct", "0", "--passphrase-file", "{P}"));
        all.add(new Bad("node run with a typo in a precinct.json field", 1, "node.error.settings", "node", "run",
                "--dir", "{TYPONODE}", "--passphrase-file", "{P}"));
        all.add(new Bad("node run listening on another machine's address", 1, "node.error.listen", "node", "run",
                "--dir", "{FARNODE}", "--passphrase-file", "{P}"));
        all.add(new Bad("token verify --authority-cert of 3 GB (refused by its size, before it is read)", 1,
                "cli.error.fileTooLarge", concat(new String[] {"token", "verify"},
                        with(desk, "--authority-cert", "{HUGE}/kiosk-2.bundle"), "CODE")));
        all.add(new Bad("token desk --dir with a precinct.json of 3 GB", 1, "node.error.settings", concat(
                new String[] {"token", "desk", "--dir", "{HUGE}"}, desk)));
        all.add(new Bad("clerk-station --check-only with a precinct.json of 3 GB", 1, "node.error.settings",
                "clerk-station", "--dir", "{HUGE}", "--check-only"));
        all.add(new Bad("token desk --kiosk-public-key garbage", 1, "token.error.publicKey", concat(
                new String[] {"token", "desk", "--dir", "{D}"}, with(desk, "--kiosk-public-key", "{G}"))));
        all.add(new Bad("token redeem --ledger in a missing directory", 1, "cli.error.noDirectory", concat(
                new String[] {"token", "redeem", "--ledger", "{N}/ledger.db"}, desk, "CODE")));
        all.add(new Bad("token redeem --ledger a directory", 1, "cli.error.isDirectory", concat(
                new String[] {"token", "redeem", "--ledger", "{D}"}, desk, "CODE")));
        all.add(new Bad("token redeem --ledger garbage", 1, "token.error.store", concat(
                new String[] {"token", "redeem", "--ledger", "{G}"}, desk, "CODE")));
        all.add(new Bad("token redeem --ledger the kiosk's database (its tables stay untouched)", 1,
                "token.error.ledger", concat(new String[] {"token", "redeem", "--ledger", "{K}/kiosk.db"}, desk,
                "CODE")));
        all.add(new Bad("token redeem --kiosk-public-key garbage", 1, "token.error.publicKey", concat(
                new String[] {"token", "redeem", "--ledger", "{OUT}-l.db"}, with(desk, "--kiosk-public-key", "{G}"),
                "CODE")));
        all.add(new Bad("token verify --desk-key missing", 1, "cli.error.noFile", concat(
                new String[] {"token", "verify"}, with(desk, "--desk-key", "{N}/desk.key"), "CODE")));
        all.add(new Bad("token verify --desk-key garbage", 1, "crypto.error.sealedFormat", concat(
                new String[] {"token", "verify"}, with(desk, "--desk-key", "{G}"), "CODE")));
        all.add(new Bad("token verify --desk-key of another precinct", 1, "token.error.deskKeyMismatch", concat(
                new String[] {"token", "verify"}, with(desk, "--desk-key", "{DESK102}"), "CODE")));
        all.add(new Bad("token verify with a wrong desk passphrase", 1, "crypto.error.wrongPassphrase", concat(
                new String[] {"token", "verify"}, with(desk, "--passphrase-file", "{W}"), "CODE")));
        all.add(new Bad("token verify --authority-cert garbage", 1, "crypto.error.certificateFormat", concat(
                new String[] {"token", "verify"}, with(desk, "--authority-cert", "{G}"), "CODE")));
        all.add(new Bad("token verify --authority-cert a kiosk's certificate", 1, "kiosk.error.authorityNotCa",
                concat(new String[] {"token", "verify"}, with(desk, "--authority-cert", "{CERT}"), "CODE")));
        all.add(new Bad("token desk --authority-cert a kiosk's certificate", 1, "kiosk.error.authorityNotCa",
                concat(new String[] {"token", "desk", "--dir", "{D}"}, with(desk, "--authority-cert", "{CERT}"))));
        all.add(new Bad("bundle verify --precinct --authority-cert a kiosk's certificate", 1,
                "kiosk.error.authorityNotCa", "bundle", "verify", "--precinct", "{D}", "--authority-cert", "{CERT}"));
        all.add(new Bad("token redeem --desk-key missing", 1, "cli.error.noFile", concat(
                new String[] {"token", "redeem", "--ledger", "{OUT}-l2.db"}, with(desk, "--desk-key", "{N}/d.key"),
                "CODE")));
        // token reconcile
        all.add(new Bad("token reconcile without a bundle", 2, "cli.error.usage", "token", "reconcile",
                "--redeemed-ledger", "{G}"));
        all.add(new Bad("token reconcile --redeemed-ledger missing", 1, "cli.error.noFile", "token", "reconcile",
                "--redeemed-ledger", "{N}/desk.db", "{G}"));
        all.add(new Bad("token reconcile --redeemed-ledger garbage", 1, "token.error.ledger", "token", "reconcile",
                "--redeemed-ledger", "{G}", "{G}"));
        all.add(new Bad("token reconcile a missing bundle", 1, "cli.error.noFile", "token", "reconcile",
                "--redeemed-ledger", "{G}", "{N}/b.json"));
        // authority token-key / desk-key
        all.add(new Bad("authority token-key --precinct 0", 1, "cli.error.precinct", "authority", "token-key",
                "--authority", "{A}", "--election", "KZ-2026-TEST", "--precinct", "0", "--kiosk-cert", "{CERT}",
                "--out", "{OUT}-t.p7m", "--passphrase-file", "{P}"));
        all.add(new Bad("authority token-key for another precinct than the kiosk's", 1,
                "authority.error.precinctMismatch", "authority", "token-key", "--authority", "{A}", "--election",
                "KZ-2026-TEST", "--precinct", "102", "--kiosk-cert", "{CERT}", "--out", "{OUT}-t.p7m",
                "--passphrase-file", "{P}"));
        all.add(new Bad("authority token-key --kiosk-cert missing", 1, "cli.error.noFile", "authority", "token-key",
                "--authority", "{A}", "--election", "KZ-2026-TEST", "--precinct", "101", "--kiosk-cert", "{N}/k.pem",
                "--out", "{OUT}-t.p7m", "--passphrase-file", "{P}"));
        all.add(new Bad("authority token-key --out in a missing directory", 1, "cli.error.noDirectory", "authority",
                "token-key", "--authority", "{A}", "--election", "KZ-2026-TEST", "--precinct", "101", "--kiosk-cert",
                "{CERT}", "--out", "{N}/t.p7m", "--passphrase-file", "{P}"));
        all.add(new Bad("authority desk-key --election empty", 1, "cli.error.election", "authority", "desk-key",
                "--authority", "{A}", "--election", "", "--precinct", "101", "--out", "{OUT}-d.key",
                "--desk-passphrase-file", "{P}", "--passphrase-file", "{P}"));
        all.add(new Bad("authority desk-key with a wrong authority passphrase", 1, "crypto.error.wrongPassphrase",
                "authority", "desk-key", "--authority", "{A}", "--election", "KZ-2026-TEST", "--precinct", "101",
                "--out", "{OUT}-d.key", "--desk-passphrase-file", "{P}", "--passphrase-file", "{W}"));
        // audit verify / sample
        all.add(new Bad("audit verify without a source", 2, "cli.error.usage", "audit", "verify"));
        all.add(new Bad("audit verify --data missing", 1, "cli.error.noDirectory", "audit", "verify", "--data",
                "{N}"));
        all.add(new Bad("audit verify --data not a kiosk", 1, "kiosk.error.notInitialised", "audit", "verify",
                "--data", "{D}"));
        all.add(new Bad("audit verify --data without a database", 1, "audit.error.noDatabase", "audit", "verify",
                "--data", "{E}"));
        all.add(new Bad("audit verify --kiosk-cert missing", 1, "cli.error.noFile", "audit", "verify", "--data",
                "{K}", "--kiosk-cert", "{N}/k.pem"));
        all.add(new Bad("audit verify --kiosk-cert garbage", 1, "crypto.error.certificateFormat", "audit", "verify",
                "--data", "{K}", "--kiosk-cert", "{G}"));
        all.add(new Bad("audit verify --data a kiosk whose database was emptied (0 bytes)", 1,
                "store.error.noDatabase", "audit", "verify", "--data", "{EMPTIED}"));
        all.add(new Bad("register status of a kiosk whose database was emptied (0 bytes)", 1,
                "store.error.noDatabase", "register", "status", "--data", "{EMPTIED}"));
        all.add(new Bad("la status of a kiosk whose database was emptied (0 bytes)", 1, "store.error.noDatabase",
                "la", "status", "--data", "{EMPTIED}"));
        all.add(new Bad("audit verify a missing bundle", 1, "cli.error.noFile", "audit", "verify", "{N}/b.json"));
        all.add(new Bad("audit verify a garbage bundle", 1, "audit.error.bundleFormat", "audit", "verify", "{G}"));
        all.add(new Bad("audit verify a bundle, --authority-cert missing", 1, "cli.error.noFile", "audit", "verify",
                "{G}", "--authority-cert", "{N}/a.pem"));
        all.add(new Bad("audit verify --data with a kiosk certificate as --authority-cert", 1,
                "kiosk.error.authorityNotCa", "audit", "verify", "--data", "{K}", "--authority-cert", "{CERT}"));
        all.add(new Bad("audit verify --data with --authority-cert missing", 1, "cli.error.noFile", "audit", "verify",
                "--data", "{K}", "--authority-cert", "{N}/a.pem"));
        all.add(new Bad("audit verify a bundle with --kiosk-cert (it would be ignored)", 1, "cli.error.usage",
                "audit", "verify", "{G}", "--kiosk-cert", "{CERT}"));
        all.add(new Bad("audit sample --seed with an escape sequence and a line break", 1, "cli.error.usage", "audit",
                "sample", "--bundle", "{G}", "--seed", "a\u001b[2J\nFAKE LINE", "--size", "1"));
        all.add(new Bad("audit sample --size -1", 1, "cli.error.usage", "audit", "sample", "--bundle", "{G}",
                "--seed", "s", "--size", "-1"));
        all.add(new Bad("audit sample --size 0", 1, "cli.error.usage", "audit", "sample", "--bundle", "{G}",
                "--seed", "s", "--size", "0"));
        all.add(new Bad("audit sample --seed empty", 1, "cli.error.usage", "audit", "sample", "--bundle", "{G}",
                "--seed", "", "--size", "3"));
        all.add(new Bad("audit sample a missing bundle", 1, "cli.error.noFile", "audit", "sample", "--bundle",
                "{N}/b.json", "--seed", "s", "--size", "3"));
        all.add(new Bad("audit sample a garbage bundle", 1, "audit.error.bundleFormat", "audit", "sample",
                "--bundle", "{G}", "--seed", "s", "--size", "3"));
        // day close
        all.add(new Bad("day close --data missing", 1, "cli.error.noDirectory", "day", "close", "--data", "{N}",
                "--out", "{OUT}-d.json", "--passphrase-file", "{P}"));
        all.add(new Bad("day close --out in a missing directory", 1, "cli.error.noDirectory", "day", "close",
                "--data", "{K}", "--out", "{N}/d.json", "--passphrase-file", "{P}"));
        all.add(new Bad("day close --out a directory", 1, "cli.error.isDirectory", "day", "close", "--data", "{K}",
                "--out", "{D}", "--passphrase-file", "{P}"));
        all.add(new Bad("day close --out the kiosk's own database (it would be replaced by the bundle)", 1,
                "cli.error.wouldOverwrite", "day", "close", "--data", "{K}", "--out", "{K}/kiosk.db",
                "--passphrase-file", "{P}"));
        all.add(new Bad("day close --out the passphrase file", 1, "cli.error.wouldOverwrite", "day", "close",
                "--data", "{K}", "--out", "{P}", "--passphrase-file", "{P}"));
        all.add(new Bad("day close --kiosk-cert missing", 1, "audit.error.noKioskCertificate", "day", "close",
                "--data", "{K}", "--out", "{OUT}-d.json", "--kiosk-cert", "{N}/k.pem", "--passphrase-file", "{P}"));
        all.add(new Bad("day close --kiosk-cert the authority's", 1, "audit.error.kioskCertificate", "day", "close",
                "--data", "{K}", "--out", "{OUT}-d.json", "--kiosk-cert", "{ACERT}", "--passphrase-file", "{P}"));
        all.add(new Bad("day close --tokens (counts come from the log only)", 2, "cli.error.usage", "day",
                "close", "--data", "{K}", "--out", "{OUT}-d.json", "--tokens", "{N}/t.db", "--passphrase-file",
                "{P}"));
        all.add(new Bad("day close with a wrong passphrase", 1, "crypto.error.wrongPassphrase", "day", "close",
                "--data", "{K}", "--out", "{OUT}-d.json", "--passphrase-file", "{W}"));
        all.add(new Bad("day close of a kiosk without a database", 1, "store.error.noDatabase", "day", "close",
                "--data", "{E}", "--out", "{OUT}-d.json", "--kiosk-cert", "{CERT}", "--passphrase-file", "{P}"));
        // bundle verify
        all.add(new Bad("bundle verify a missing bundle", 1, "cli.error.noFile", "bundle", "verify", "{N}/b.json",
                "--authority-cert", "{ACERT}"));
        all.add(new Bad("bundle verify --redeemed -5", 1, "cli.error.negative", "bundle", "verify", "{G}",
                "--authority-cert", "{ACERT}", "--redeemed", "-5"));
        all.add(new Bad("bundle verify --authority-cert missing", 1, "cli.error.noFile", "bundle", "verify", "{G}",
                "--authority-cert", "{N}/a.pem"));
        all.add(new Bad("bundle verify --authority-cert garbage", 1, "crypto.error.certificateFormat", "bundle",
                "verify", "{G}", "--authority-cert", "{G}"));
        // An observer who takes the kiosk's certificate from the stick for the authority's: one line, as --precinct.
        all.add(new Bad("bundle verify BUNDLE --authority-cert a kiosk's certificate", 1, "kiosk.error.authorityNotCa",
                "bundle", "verify", "{G}", "--authority-cert", "{CERT}"));
        all.add(new Bad("audit verify BUNDLE --authority-cert a kiosk's certificate", 1, "kiosk.error.authorityNotCa",
                "audit", "verify", "{G}", "--authority-cert", "{CERT}"));
        all.add(new Bad("token reconcile --authority-cert a kiosk's certificate", 1, "kiosk.error.authorityNotCa",
                "token", "reconcile", "--authority-cert", "{CERT}", "--redeemed-ledger", "{G}", "{G}"));
        all.add(new Bad("bundle verify a garbage bundle", 1, "audit.error.bundleFormat", "bundle", "verify", "{G}",
                "--authority-cert", "{ACERT}"));
        all.add(new Bad("bundle verify with neither a bundle nor --precinct", 1, "bundle.error.nothingToVerify",
                "bundle", "verify", "--authority-cert", "{ACERT}"));
        all.add(new Bad("bundle verify --precinct without --authority-cert", 1,
                "bundle.error.precinctNeedsAuthority", "bundle", "verify", "--precinct", "{D}"));
        all.add(new Bad("bundle verify --precinct and a bundle", 1, "bundle.error.bundleAndPrecinct", "bundle",
                "verify", "{G}", "--precinct", "{D}", "--authority-cert", "{ACERT}"));
        all.add(new Bad("bundle verify --precinct with --redeemed", 1, "bundle.error.notWithPrecinct", "bundle",
                "verify", "--precinct", "{D}", "--authority-cert", "{ACERT}", "--redeemed", "5"));
        all.add(new Bad("bundle verify BUNDLE --election not an election id", 1, "cli.error.election", "bundle",
                "verify", "{G}", "--election", "KZ 2026\nPARL"));
        all.add(new Bad("bundle verify --precinct a missing directory", 1, "cli.error.noDirectory", "bundle",
                "verify", "--precinct", "{N}", "--authority-cert", "{ACERT}"));
        all.add(new Bad("bundle verify --precinct a directory without node bundles", 1, "bundle.error.precinctEmpty",
                "bundle", "verify", "--precinct", "{D}", "--authority-cert", "{ACERT}"));
        all.add(new Bad("bundle verify a bundle of 3 GB", 1, "bundle.error.tooLarge", "bundle", "verify",
                "{HUGE}/kiosk-2.bundle", "--authority-cert", "{ACERT}"));
        all.add(new Bad("bundle verify --precinct with a node bundle of 3 GB", 1, "bundle.error.tooLarge", "bundle",
                "verify", "--precinct", "{HUGE}", "--authority-cert", "{ACERT}"));
        // wipe
        all.add(new Bad("wipe --data missing", 1, "cli.error.noDirectory", "wipe", "--data", "{N}",
                "--passphrase-file", "{P}"));
        all.add(new Bad("wipe an open day", 1, "audit.error.dayNotClosed", "wipe", "--data", "{K}",
                "--passphrase-file", "{P}"));
        all.add(new Bad("wipe with a wrong passphrase", 1, "crypto.error.wrongPassphrase", "wipe", "--data", "{K}",
                "--passphrase-file", "{W}"));
        all.add(new Bad("wipe a kiosk without a database", 1, "audit.error.noDatabase", "wipe", "--data", "{E}",
                "--passphrase-file", "{P}"));
        // clerk
        all.add(new Bad("clerk add --data missing", 1, "cli.error.noDirectory", "clerk", "add", "--data", "{N}",
                "--id", "C01", "--pin-file", "{PIN}", "--passphrase-file", "{P}"));
        all.add(new Bad("clerk add an IIN as login", 1, "clerk.error.badLogin", "clerk", "add", "--data", "{K}",
                "--id", RegisterFixtures.iin(java.time.LocalDate.of(1980, 1, 2), true, 5).digits(), "--pin-file",
                "{PIN}", "--passphrase-file", "{P}"));
        all.add(new Bad("clerk add a login holding an IIN", 1, "clerk.error.badLogin", "clerk", "add", "--data",
                "{K}", "--id", "A" + RegisterFixtures.iin(java.time.LocalDate.of(1980, 1, 2), true, 5).digits(),
                "--pin-file", "{PIN}", "--passphrase-file", "{P}"));
        all.add(new Bad("clerk add a voter's surname as login", 1, "clerk.error.loginIsName", "clerk", "add",
                "--data", "{K}", "--id", "{SURNAME}", "--pin-file", "{PIN}", "--passphrase-file", "{P}"));
        all.add(new Bad("clerk add a weak PIN", 1, "clerk.error.pinSequence", "clerk", "add", "--data", "{K}",
                "--id", "C01", "--pin-file", "{WEAKPIN}", "--passphrase-file", "{P}"));
        all.add(new Bad("clerk add --pin-file missing", 1, "cli.error.pin", "clerk", "add", "--data", "{K}", "--id",
                "C01", "--pin-file", "{N}/pin.txt", "--passphrase-file", "{P}"));
        all.add(new Bad("clerk add with a wrong passphrase", 1, "crypto.error.wrongPassphrase", "clerk", "add",
                "--data", "{K}", "--id", "C02", "--pin-file", "{PIN}", "--passphrase-file", "{W}"));
        all.add(new Bad("clerk reset an unknown login", 1, "clerk.error.unknown", "clerk", "reset", "--data", "{K}",
                "--id", "NOBODY1", "--pin-file", "{PIN}", "--passphrase-file", "{P}"));
        all.add(new Bad("clerk remove an unknown login", 1, "clerk.error.unknown", "clerk", "remove", "--data",
                "{K}", "--id", "NOBODY2", "--passphrase-file", "{P}"));
        all.add(new Bad("clerk remove --id with a space", 1, "clerk.error.badLogin", "clerk", "remove", "--data",
                "{K}", "--id", "C 1", "--passphrase-file", "{P}"));
        all.add(new Bad("clerk list --data missing", 1, "cli.error.noDirectory", "clerk", "list", "--data", "{N}"));
        all.add(new Bad("clerk list --data not a kiosk", 1, "kiosk.error.notInitialised", "clerk", "list", "--data",
                "{D}"));
        // the pre-election test left on disk
        all.add(new Bad("la status --data missing", 1, "audit.error.noDatabase", "la", "status", "--data", "{N}"));
        all.add(new Bad("la end without a test", 1, "la.error.notRunning", "la", "end", "--data", "{K}",
                "--passphrase-file", "{P}"));
        all.add(new Bad("la end without a passphrase file", 1, "cli.error.noFile", "la", "end", "--data", "{K}",
                "--passphrase-file", "{N}/p.txt"));
        // devices, pipes and endless files where a file is expected (session H17): nothing read whole into memory,
        // nothing replaced by rename (as root, 'day close --out /dev/null' put the bundle in the place of /dev/null)
        all.add(new Bad("register load --passphrase-file /dev/zero", 1, "cli.error.passphrase", "register", "load",
                "--data", "{K}", "--package", "{SRP}", "--passphrase-file", "/dev/zero"));
        all.add(new Bad("la end --passphrase-file /dev/zero", 1, "cli.error.passphrase", "la", "end", "--data", "{K}",
                "--passphrase-file", "/dev/zero"));
        all.add(new Bad("clerk add --pin-file /dev/zero", 1, "cli.error.pin", "clerk", "add", "--data", "{K}",
                "--id", "C09", "--pin-file", "/dev/zero", "--passphrase-file", "{P}"));
        all.add(new Bad("start --config /dev/zero", 1, "start.error.configuration", "start", "--config", "/dev/zero",
                "--check-only"));
        all.add(new Bad("day close --out a named pipe", 1, "cli.error.notRegularFile", "day", "close", "--data",
                "{K}", "--out", "{FIFO}", "--passphrase-file", "{P}"));
        all.add(new Bad("certify-kiosk --out a named pipe", 1, "cli.error.notRegularFile", "authority",
                "certify-kiosk", "--authority", "{A}", "--request", "{CSR}", "--out", "{FIFO}", "--passphrase-file",
                "{P}"));
        all.add(new Bad("token redeem --ledger a named pipe", 1, "cli.error.notRegularFile", concat(
                new String[] {"token", "redeem", "--ledger", "{FIFO}"}, desk, "CODE")));
        all.add(new Bad("bundle verify a named pipe", 1, "cli.error.notRegularFile", "bundle", "verify", "{FIFO}"));
        all.add(new Bad("register inspect /dev/zero", 1, "cli.error.notRegularFile", "register", "inspect",
                "/dev/zero", "--data", "{K}"));
        // start, simulate and the root
        all.add(new Bad("start --config missing", 1, "start.error.configuration", "start", "--config",
                "{N}/kiosk.json", "--check-only"));
        all.add(new Bad("start --config garbage", 1, "start.error.configuration", "start", "--config", "{G}",
                "--check-only"));
        all.add(new Bad("simulate --voters 0", 1, "cli.error.usage", "simulate", "--voters", "0", "--data",
                "{OUT}/sim"));
        all.add(new Bad("simulate --kiosks 3 --data a file (it would be wiped)", 1, "demo.error.data", "simulate",
                "--kiosks", "3", "--voters", "2", "--data", "{G}"));
        all.add(new Bad("simulate --kiosks 3 --data the authority's directory", 1, "demo.error.data", "simulate",
                "--kiosks", "3", "--voters", "2", "--data", "{A}"));
        all.add(new Bad("simulate --data a kiosk's data directory", 1, "demo.error.data", "simulate", "--voters",
                "2", "--data", "{K}"));
        all.add(new Bad("demo --check --data the kiosk's data directory", 1, "demo.error.data", "demo",
                "--check", "--data", "{K}"));
        all.add(new Bad("accuracy over a set folder named with a newline", 1, "accuracy.error.layout", "accuracy",
                "--images", "{NLSETS}", "--enrol-impressions", "1", "--live-impressions", "2"));
        all.add(new Bad("no subcommand", 2, "cli.error.usage"));
        all.add(new Bad("an unknown subcommand", 2, "cli.error.usage", "vote-twice"));
        all.add(new Bad("register without a subcommand", 2, "cli.error.usage", "register"));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInvocations")
    void answersWithOneKeyedLineAndLeavesNothingBehind(Bad bad) throws Exception {
        assertRefused(bad, root, substitute(bad.args()));
    }

    /**
     * Runs {@code args} and asserts what every refusal must be: {@code bad}'s exit code, exactly one line on standard
     * error naming {@code bad}'s key, no exception name or stack trace, and the tree under {@code root} unchanged.
     */
    static ThreatWorld.Run assertRefused(Bad bad, Path root, String... args) throws Exception {
        TreeMap<String, String> before = ThreatWorld.snapshot(root);
        ThreatWorld.Run run = ThreatWorld.run(args);
        String all = run.out() + run.err();
        assertEquals(bad.exit(), run.exit(), bad + ": exit code\n" + all);
        assertEquals(1, run.errLines().size(), bad + ": standard error must be exactly one line\n" + run.err());
        Matcher keyed = KEYED.matcher(run.errLines().get(0));
        assertTrue(keyed.matches(), bad + ": the line names no message key: " + run.err());
        assertEquals(bad.key(), keyed.group(1), bad + ": " + run.err());
        assertFalse(all.contains("Exception") || all.contains("\tat ") || all.contains("at kz.")
                || all.contains("at java."), bad + ": a stack trace or exception name leaked:\n" + all);
        assertEquals(before, ThreatWorld.snapshot(root), bad + ": files, directories or databases changed");
        return run;
    }

    /**
     * {@code bundle verify}'s wrong combinations say what is missing or extra (session H53): before, all four read
     * "give either BUNDLE or --precinct DIR" or "--precinct DIR takes --authority-cert and nothing else", under one key
     * whose text ("Give either one bundle file or --precinct DIR with --authority-cert") read as if the file were wrong.
     */
    @Test
    void bundleVerifySaysWhatIsMissingOrExtraNotThatTheFileIsWrong() throws Exception {
        String[][] cases = {
                {"bundle.error.precinctNeedsAuthority", "--precinct DIR also needs --authority-cert FILE",
                        "bundle", "verify", "--precinct", "{D}"},
                {"bundle.error.nothingToVerify", "nothing to verify: give the kiosk's bundle file (BUNDLE), or",
                        "bundle", "verify"},
                {"bundle.error.bundleAndPrecinct", "give BUNDLE or --precinct DIR, not both", "bundle", "verify",
                        "{G}", "--precinct", "{D}"},
                {"bundle.error.notWithPrecinct", "--redeemed-ledger, --head does not go with --precinct DIR",
                        "bundle", "verify", "--precinct", "{D}", "--redeemed-ledger", "{G}", "--head",
                        "sailau-head-v1:1:00"},
        };
        for (String[] c : cases) {
            Bad bad = new Bad(String.join(" ", Arrays.copyOfRange(c, 2, c.length)), 1, c[0]);
            ThreatWorld.Run run = assertRefused(bad, root, substitute(Arrays.copyOfRange(c, 2, c.length)));
            assertTrue(run.errLines().get(0).contains(c[1]), bad + ": " + run.err());
        }
    }

    /** A forged code refused at a desk whose ledger does not exist yet leaves no ledger behind. */
    @Test
    void aRefusedTokenCreatesNoLedger() throws Exception {
        TreeMap<String, String> before = ThreatWorld.snapshot(root);
        String[] desk = DESK.clone();
        ThreatWorld.Run run = ThreatWorld.run(substitute(concat(new String[] {"token", "redeem", "--ledger",
                "{OUT}-never.db"}, desk, "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA")));
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().startsWith("REFUSED "), run.out() + run.err());
        assertEquals(before, ThreatWorld.snapshot(root), "a refused token must not create the ledger");
    }

    /** A few of them through the real jar in its own JVM: the exit code and the one line are the process's own. */
    @Test
    void theExecutableJarAnswersTheSame() throws Exception {
        List<Bad> sample = badInvocations().filter(b -> b.what().equals("kiosk init --precinct 0")
                || b.what().equals("audit verify --data missing") || b.what().equals("register status --data missing")
                || b.what().equals("bundle verify --redeemed -5") || b.what().equals("token verify --precinct abc"))
                .toList();
        assertEquals(5, sample.size());
        for (Bad bad : sample) {
            TreeMap<String, String> before = ThreatWorld.snapshot(root);
            JarRunner.Result result = JarRunner.run(root, substitute(bad.args()));
            assertEquals(bad.exit(), result.exitCode(), bad + "\n" + result.out() + result.err());
            List<String> lines = result.err().lines().toList();
            assertEquals(1, lines.size(), bad + ": " + result.err());
            Matcher keyed = KEYED.matcher(lines.get(0));
            assertTrue(keyed.matches() && keyed.group(1).equals(bad.key()), bad + ": " + result.err());
            assertFalse((result.out() + result.err()).contains("Exception"), bad + ": " + result.err());
            assertEquals(before, ThreatWorld.snapshot(root), bad + ": files changed");
        }
    }

    private static String[] substitute(String[] args) throws Exception {
        String[] out = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            out[i] = args[i].equals("{SURNAME}") ? surnameInLatin() : place(args[i], PLACES);
        }
        return out;
    }

    /** {@code args} with every place ({@code {NAME}}) that {@code places} names replaced by its value. */
    static String[] substitute(String[] args, Map<String, String> places) {
        String[] out = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            out[i] = place(args[i], places);
        }
        return out;
    }

    private static String place(String arg, Map<String, String> places) {
        for (Map.Entry<String, String> place : places.entrySet()) {
            arg = arg.replace(place.getKey(), place.getValue());
        }
        return arg;
    }

    /** The first voter's surname as the card's MRZ writes it, in small letters: a badge code that is a name. */
    private static String surnameInLatin() {
        return kz.sailau.kiosk.model.mrz.IcaoTransliteration.toMrz(ThreatWorld.FIRST_SURNAME)
                .toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code args} with the value after {@code option} replaced. */
    static String[] with(String[] args, String option, String value) {
        String[] copy = args.clone();
        for (int i = 0; i < copy.length - 1; i++) {
            if (copy[i].equals(option)) {
                copy[i + 1] = value;
                return copy;
            }
        }
        throw new IllegalArgumentException("no option " + option);
    }

    static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    static String[] concat(String[] first, String[] second, String... more) {
        return concat(concat(first, second), more);
    }
}
