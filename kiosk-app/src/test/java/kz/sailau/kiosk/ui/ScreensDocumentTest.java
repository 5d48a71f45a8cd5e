package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/screens.md and docs/images/screens/ are what the tests produce: the document equals the template with the
 * tables generated from {@link ElectionDayScreens}, the election-day screenshot directories hold exactly the files
 * {@link ElectionDayScreensUiTest} makes, every image the document shows exists, and no image lies there that the
 * no document shows (a stale screenshot). Refresh with {@code -Dscreens.update=true} (see the document).
 */
class ScreensDocumentTest {

    private static final Path IMAGES = ElectionDayScreens.docs().resolve("images/screens");
    private static final String HOW = " (refresh with -Dscreens.update=true, see docs/screens.md)";

    @Test
    void theDocumentIsTheOneTheTestsGenerate() throws IOException {
        String committed = Files.readString(ElectionDayScreens.docs().resolve("screens.md"), StandardCharsets.UTF_8);
        assertEquals(ElectionDayScreens.document(), committed, "docs/screens.md differs from the generated one" + HOW);
    }

    @Test
    void theCommittedScreenshotsAreExactlyTheOnesTheTestsProduce() throws IOException {
        List<String> committed;
        try (Stream<Path> files = Files.walk(IMAGES)) {
            committed = files.filter(Files::isRegularFile)
                    .map(file -> IMAGES.relativize(file).toString().replace('\\', '/'))
                    .filter(name -> name.startsWith("election-day-"))
                    .sorted()
                    .toList();
        }
        assertEquals(ElectionDayScreens.files(), committed, "docs/images/screens/election-day-*/" + HOW);
    }

    @Test
    void everyImageShownExistsAndEveryImageThereIsShown() throws IOException {
        String document = ElectionDayScreens.document();
        Matcher shown = Pattern.compile("\\(images/screens/([^)]+\\.png)\\)").matcher(document);
        while (shown.find()) {
            String file = shown.group(1);
            assertTrue(Files.isRegularFile(IMAGES.resolve(file)), () -> "docs/screens.md shows a missing " + file);
        }
        // The other documents (README, the guides) may show a screenshot too.
        StringBuilder everyDocument = new StringBuilder(document);
        try (Stream<Path> docs = Files.list(ElectionDayScreens.docs())) {
            for (Path doc : docs.filter(d -> d.toString().endsWith(".md")).toList()) {
                everyDocument.append(Files.readString(doc, StandardCharsets.UTF_8));
            }
        }
        everyDocument.append(Files.readString(ElectionDayScreens.docs().resolveSibling("README.md"),
                StandardCharsets.UTF_8));
        String shownSomewhere = everyDocument.toString();
        List<String> stale = new ArrayList<>();
        try (Stream<Path> files = Files.walk(IMAGES)) {
            for (Path file : files.filter(Files::isRegularFile).filter(ElectionDayScreens::isImage).toList()) {
                String name = IMAGES.relativize(file).toString().replace('\\', '/');
                String folder = name.contains("/") ? name.substring(0, name.lastIndexOf('/') + 1) : "\u0000";
                if (!shownSomewhere.contains("images/screens/" + name)
                        && !shownSomewhere.contains("images/screens/" + folder + "`")) {
                    stale.add(name);
                }
            }
        }
        assertEquals(List.of(), stale, "screenshots no document shows (stale)");
    }
}
