package kz.sailau.kiosk.store.checkin;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the kill -9 experiment of {@link CheckInCrashIT} outside JUnit, for the full count:
 * {@code java -cp <test classpath> kz.sailau.kiosk.store.checkin.CrashRunner 200 [seed]}.
 */
public final class CrashRunner {

    private CrashRunner() {
    }

    /** Arguments: number of crashes, optional seed. */
    public static void main(String[] args) throws Exception {
        int crashes = Integer.parseInt(args[0]);
        long seed = args.length > 1 ? Long.parseLong(args[1]) : System.nanoTime();
        Path dir = Files.createTempDirectory("crash-run");
        System.out.println(CheckInCrashIT.crashRun(dir, crashes, seed));
    }
}
