package kz.sailau.prints.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import kz.sailau.prints.ContactSheet;
import kz.sailau.prints.Difficulty;
import kz.sailau.prints.QualityReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code report}: the SourceAFIS quality table, score histograms and contact sheet for the documentation. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Measure FNMR/FMR per difficulty with SourceAFIS; write histograms and a contact sheet.")
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--fingers", defaultValue = "200", description = "Fingers per difficulty (default ${DEFAULT-VALUE}).")
    int fingers;

    @Option(names = "--impressions", defaultValue = "4", description = "Impressions per finger (default ${DEFAULT-VALUE}).")
    int impressions;

    @Option(names = "--seed", defaultValue = "4", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--difficulty", split = ",", defaultValue = "EASY,NORMAL,HARD", description = "Difficulties (default ${DEFAULT-VALUE}).")
    List<Difficulty> difficulties;

    @Option(names = "--images", required = true, description = "Directory for the PNG figures.")
    Path images;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(images) && !Files.isDirectory(images)) {
            throw new UsageException("--images: " + images + " is a file, not a folder");
        }
        Files.createDirectories(images);
        List<QualityReport.Result> results = new ArrayList<>();
        for (Difficulty d : difficulties) {
            results.add(QualityReport.measure(seed, d, fingers, impressions));
        }
        ImageIO.write(QualityReport.histogram(results), "png", images.resolve("sample-prints-scores.png").toFile());
        ImageIO.write(ContactSheet.render(seed, Difficulty.NORMAL, 3), "png",
                images.resolve("sample-prints-contact-sheet.png").toFile());
        System.out.print(QualityReport.table(results));
        return 0;
    }
}
