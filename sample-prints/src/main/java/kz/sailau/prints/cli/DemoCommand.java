package kz.sailau.prints.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import kz.sailau.prints.DemoSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code demo}: writes the committed demo set afresh (to refresh it after a generator change). */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Write the demo set with its index.txt.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "Output directory.")
    Path out;

    @Override
    public Integer call() throws Exception {
        OutputFolder.check(out, "--out", DemoSet.INDEX);
        DemoSet.regenerate(out);
        System.out.println("demo set written to " + out);
        return 0;
    }
}
