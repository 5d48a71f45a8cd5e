package kz.sailau.kiosk.cli;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;
import kz.sailau.kiosk.register.LoadProgress;
import kz.sailau.kiosk.register.RegisterBuilder;

/**
 * A one-line console progress bar, {@code [##########..........]  50% writing 1500/3000}, redrawn with a
 * carriage return when the percentage changes; a new line starts when the stage changes or completes.
 * Thread-safe (extraction reports from several threads).
 */
public final class ConsoleProgressBar implements LoadProgress, RegisterBuilder.Progress {

    private static final int WIDTH = 30;
    /** Streams on which a bar has drawn a line that is not ended yet. */
    private static final Set<PrintStream> OPEN_LINES =
            Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private final PrintStream out;
    private final boolean draw;
    private String stage = "";
    private int percent = -1;

    /** @param out where to draw (standard error, so standard output stays clean) */
    public ConsoleProgressBar(PrintStream out) {
        this(out, true);
    }

    private ConsoleProgressBar(PrintStream out, boolean draw) {
        this.out = Objects.requireNonNull(out, "out");
        this.draw = draw;
    }

    /**
     * A bar that draws only when the program runs at a terminal: in a script, a pipe or a test, standard error keeps
     * to its one line per refusal.
     */
    public static ConsoleProgressBar onConsole(PrintStream out) {
        return new ConsoleProgressBar(out, System.console() != null);
    }

    @Override
    public void update(LoadProgress.Stage stage, long done, long total) {
        update(stage.name().toLowerCase(Locale.ROOT), done, total);
    }

    @Override
    public synchronized void update(String stageName, long done, long total) {
        if (!draw) {
            return;
        }
        int now = (int) (100 * Math.min(done, total) / Math.max(1, total));
        if (!stageName.equals(stage)) {
            if (!stage.isEmpty() && OPEN_LINES.remove(out)) {
                out.println();
            }
            stage = stageName;
            percent = -1;
        }
        if (now == percent) {
            return;
        }
        percent = now;
        int filled = now * WIDTH / 100;
        out.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%3d%% %s %d/%d", now, stageName, done, total));
        if (stageName.equals("done")) {
            out.println();
            OPEN_LINES.remove(out);
        } else {
            OPEN_LINES.add(out);
        }
        out.flush();
    }

    /** Ends the current line. */
    public synchronized void finish() {
        endLine(out);
        stage = "";
    }

    /** Ends a bar's line on {@code out} if one is open (before an error message is printed). */
    public static void endLine(PrintStream out) {
        if (OPEN_LINES.remove(out)) {
            out.println();
        }
    }
}
