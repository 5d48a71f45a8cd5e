package kz.sailau.kiosk.threats;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Power loss at a chosen moment: a child process (the real jar) SIGKILLed as soon as what it wrote into a directory
 * shows a state ({@code seen}), before it can go on, or handed back still running in that state for the test to act
 * on first ({@link #startAndAwait}). The test thread sleeps on the file system's change events
 * (inotify on Linux) and looks again after each one, rather than spinning or polling on a short sleep: on a two-core
 * build machine a spinning test took a core from the very child JVM it waited for. Shared by the kill tests
 * ({@code KilledKioskInitIT}, {@code KilledDayCloseIT}, {@code KilledTokenRedeemIT}).
 */
final class KillOnSight {

    /** A look every so often all the same: a change the watch missed (an overflow) costs a tenth of a second. */
    private static final long LOOK_AGAIN_MILLIS = 100;
    /** How long the child may take to reach the state on a loaded machine. */
    private static final long DEADLINE_SECONDS = 60;

    private KillOnSight() {
    }

    /**
     * Starts {@code child}, waits until {@code seen} holds (looking again at every change in {@code watched}, a
     * directory that the child may create itself) or the child ends, and SIGKILLs it: no finally blocks, no shutdown
     * hooks. Returns once it is gone.
     *
     * @return whether the child was still running when {@code seen} held, that is, killed in that state
     */
    static boolean killWhen(ProcessBuilder child, Path watched, BooleanSupplier seen) throws Exception {
        Process process = null;
        try (WatchService watch = watched.getFileSystem().newWatchService()) {
            Set<Path> registered = new HashSet<>();
            register(watch, watched, registered);
            process = child.start();
            return await(watch, watched, registered, process, seen) && process.isAlive();
        } finally {
            if (process != null) {
                process.destroyForcibly(); // SIGKILL
                if (!process.waitFor(1, TimeUnit.MINUTES)) {
                    throw new AssertionError("the killed child did not end");
                }
            }
        }
    }

    /**
     * Starts {@code child} and returns it, still running, as soon as {@code seen} holds (or once it has ended, or
     * after a minute): for a test that does more with the child in that state before it kills it. The child is
     * killed if the wait itself fails.
     */
    static Process startAndAwait(ProcessBuilder child, Path watched, BooleanSupplier seen) throws Exception {
        try (WatchService watch = watched.getFileSystem().newWatchService()) {
            Set<Path> registered = new HashSet<>();
            register(watch, watched, registered);
            Process process = child.start();
            try {
                await(watch, watched, registered, process, seen);
                return process;
            } catch (Exception | Error e) {
                process.destroyForcibly();
                throw e;
            }
        }
    }

    /** Sleeps on {@code watch} until {@code seen} holds, the process ends or the deadline passes; whether it held. */
    private static boolean await(WatchService watch, Path watched, Set<Path> registered, Process process,
                                 BooleanSupplier seen) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        boolean held = seen.getAsBoolean();
        while (!held && process.isAlive() && System.nanoTime() < deadline) {
            WatchKey key = watch.poll(LOOK_AGAIN_MILLIS, TimeUnit.MILLISECONDS);
            if (key != null) {
                key.pollEvents();
                key.reset();
            }
            register(watch, watched, registered);
            held = seen.getAsBoolean();
        }
        return held;
    }

    /** Watches {@code directory} once it exists, and its parent until then (for the moment the child creates it). */
    private static void register(WatchService watch, Path directory, Set<Path> registered) throws IOException {
        Path target = Files.isDirectory(directory) ? directory : directory.getParent();
        if (registered.add(target)) {
            target.register(watch, ENTRY_CREATE, ENTRY_MODIFY);
        }
    }
}
