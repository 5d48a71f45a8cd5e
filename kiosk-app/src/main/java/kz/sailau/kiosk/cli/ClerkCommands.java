package kz.sailau.kiosk.cli;

import kz.sailau.kiosk.clerk.ClerkState;
import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import kz.sailau.kiosk.checkin.ClerkId;
import kz.sailau.kiosk.clerk.ClerkEntry;
import kz.sailau.kiosk.clerk.ClerkException;
import kz.sailau.kiosk.clerk.ClerkRoster;
import kz.sailau.kiosk.clerk.PinPolicy;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.store.KioskDatabase;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code clerk add | list | reset | remove}: the commission members who may act at the kiosk. A clerk's login
 * is the badge code (2-16 letters and digits with a letter, e.g. {@code C01}), never a name or an IIN; the PIN
 * (6-12 digits, not trivially guessable) is typed twice at the console without echo, or read from the first
 * line of {@code --pin-file} for scripts. Changes need the administrator's passphrase and are recorded in the
 * audit log; {@code list} shows no PIN material and needs no passphrase.
 */
final class ClerkCommands {

    private ClerkCommands() {
    }

    /** Adds {@code clerk add|list|reset|remove} to the root command. */
    static void register(CommandLine root, CliEnvironment environment) {
        root.addSubcommand("clerk", new CommandLine(new Group())
                .addSubcommand("add", new Add(environment))
                .addSubcommand("list", new ListClerks(environment))
                .addSubcommand("reset", new Reset(environment))
                .addSubcommand("remove", new Remove(environment)));
    }

    @Command(name = "clerk", mixinStandardHelpOptions = true,
            description = "The clerk roster: commission members' badge logins and PINs.")
    static final class Group extends KioskCommandLine.GroupCommand {
    }

    /** The new PIN: from {@code --pin-file} or typed twice at the console without echo. */
    static final class PinOption {
        @Option(names = "--pin-file", paramLabel = "FILE",
                description = "Read the new PIN from the first line of FILE instead of the console (scripts, tests).")
        Path file;

        char[] read(String login) {
            if (file != null) {
                return SecretLine.read(file, "cli.error.pin", "PIN");
            }
            Console console = System.console();
            if (console == null) {
                throw new CliException("cli.error.pin", "no console to type the PIN; use --pin-file");
            }
            char[] first = console.readPassword("New PIN for %s (%d-%d digits): ", login, PinPolicy.MIN_DIGITS,
                    PinPolicy.MAX_DIGITS);
            char[] again = console.readPassword("Repeat the PIN: ");
            try {
                if (first == null || first.length == 0) {
                    throw new CliException("cli.error.pin", "no PIN entered");
                }
                if (!Arrays.equals(first, again)) {
                    throw new CliException("clerk.error.pinsDiffer", "the two PINs differ");
                }
                return first.clone();
            } finally {
                Arrays.fill(first == null ? new char[0] : first, '\0');
                Arrays.fill(again == null ? new char[0] : again, '\0');
            }
        }
    }

    /** A roster change: unlock with the passphrase, open the store, run, report refusals by key. */
    abstract static class Change implements Callable<Integer> {
        final CliEnvironment env;

        @Option(names = "--data", required = true, paramLabel = "DIR", description = "Kiosk data directory.")
        Path data;

        @Option(names = "--id", required = true, paramLabel = "LOGIN",
                description = "The clerk's badge login, e.g. C01 (2-16 letters and digits, never a name or IIN).")
        String id;

        @Mixin
        PassphraseOption passphrase;

        Change(CliEnvironment env) {
            this.env = env;
        }

        /** Runs {@code work} on the unlocked roster; a {@link ClerkException} becomes a {@link CliException}. */
        <T> T onRoster(Function<ClerkRoster, T> work) throws IOException {
            try (UnlockedStore store = UnlockedStore.open(ArgumentChecks.initialisedKiosk(data), passphrase, env)) {
                return work.apply(ClerkRoster.of(store.database(), store.credentials(), env.random(), env.clock()));
            } catch (ClerkException e) {
                throw new CliException(e.messageKey(), e.getMessage());
            }
        }

        /** Checks the login before anything is asked. */
        void checkLogin() {
            try {
                ClerkRoster.login(id);
            } catch (ClerkException e) {
                throw new CliException(e.messageKey(), e.getMessage());
            }
        }

        /** Checks the PIN policy before the passphrase is asked, so a weak PIN costs no unlock. */
        static void checkPin(char[] pin) {
            try {
                PinPolicy.check(pin);
            } catch (ClerkException e) {
                Arrays.fill(pin, '\0');
                throw new CliException(e.messageKey(), e.getMessage());
            }
        }
    }

    /** A roster change that sets a PIN: the login and the PIN are checked before the passphrase is asked. */
    abstract static class PinChange extends Change {
        @Mixin
        PinOption pinOption;

        PinChange(CliEnvironment env) {
            super(env);
        }

        /** The change itself, on the unlocked roster. */
        abstract ClerkEntry change(ClerkRoster roster, ClerkId clerk, char[] pin);

        /** What the console says afterwards. */
        abstract String done(ClerkEntry entry);

        @Override
        public Integer call() throws Exception {
            ArgumentChecks.initialisedKiosk(data);
            checkLogin();
            char[] pin = pinOption.read(id);
            checkPin(pin);
            try {
                ClerkEntry entry = onRoster(roster -> change(roster, ClerkRoster.login(id), pin));
                env.out().println(done(entry));
                return KioskCommandLine.OK;
            } finally {
                Arrays.fill(pin, '\0');
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add a clerk: badge login and PIN (typed twice without echo, or --pin-file). The PIN is "
                    + "kept only as an Argon2id hash, encrypted in the kiosk store. Recorded as CLERK_ADDED."})
    static final class Add extends PinChange {
        Add(CliEnvironment env) {
            super(env);
        }

        @Override
        ClerkEntry change(ClerkRoster roster, ClerkId clerk, char[] pin) {
            return roster.add(clerk, pin);
        }

        @Override
        String done(ClerkEntry entry) {
            return "clerk " + entry.login().value() + " added (active)";
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = {"Give a clerk a new PIN and unlock it (after a lockout or a forgotten PIN). "
                    + "Recorded as CLERK_PIN_RESET."})
    static final class Reset extends PinChange {
        Reset(CliEnvironment env) {
            super(env);
        }

        @Override
        ClerkEntry change(ClerkRoster roster, ClerkId clerk, char[] pin) {
            return roster.resetPin(clerk, pin);
        }

        @Override
        String done(ClerkEntry entry) {
            return "clerk " + entry.login().value() + ": new PIN set, unlocked";
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = {"Remove a clerk for good: the PIN hash is deleted and the login is not given out again. "
                    + "Recorded as CLERK_REMOVED."})
    static final class Remove extends Change {
        Remove(CliEnvironment env) {
            super(env);
        }

        @Override
        public Integer call() throws Exception {
            ArgumentChecks.initialisedKiosk(data);
            checkLogin();
            ClerkEntry removed = onRoster(roster -> roster.remove(ClerkRoster.login(id)));
            env.out().println("clerk " + removed.login().value() + " removed");
            return KioskCommandLine.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the clerks: login, state (ACTIVE, LOCKED, REMOVED), wrong PINs in a row. "
                    + "No PIN material; no passphrase needed.")
    static final class ListClerks implements Callable<Integer> {
        private final CliEnvironment env;

        @Option(names = "--data", required = true, paramLabel = "DIR", description = "Kiosk data directory.")
        Path data;

        ListClerks(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() throws IOException {
            KioskDataDirectory directory = ArgumentChecks.initialisedKiosk(data);
            if (!Files.isRegularFile(directory.databaseFile())) {
                env.out().println("0 clerks, 0 active");
                env.out().println("no active clerk: the kiosk will not open for voters; add one with "
                        + "'clerk add --data " + data + " --id C01'");
                return KioskCommandLine.OK;
            }
            try (KioskDatabase database = env.openExistingDatabase(directory)) {
                List<ClerkEntry> clerks = database.read(ClerkRoster::list);
                env.out().printf("%-16s %-8s %s%n", "LOGIN", "STATE", "WRONG PINS IN A ROW");
                for (ClerkEntry clerk : clerks) {
                    env.out().printf("%-16s %-8s %d%n", clerk.login().value(), clerk.state(), clerk.failedAttempts());
                }
                long active = clerks.stream().filter(c -> c.state() == ClerkState.ACTIVE)
                        .count();
                env.out().println(clerks.size() + " clerks, " + active + " active");
                if (active == 0) {
                    env.out().println("no active clerk: the kiosk will not open for voters; add one with "
                            + "'clerk add --data " + data + " --id C01'");
                }
                return KioskCommandLine.OK;
            }
        }
    }
}
