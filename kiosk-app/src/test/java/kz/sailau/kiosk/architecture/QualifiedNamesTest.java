package kz.sailau.kiosk.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The kiosk's code names a class by its simple name and imports it: a fully qualified name inside code hides a
 * dependency from the import list a reader (and a reviewer of the layering) looks at first. Comments and strings
 * are not code.
 */
class QualifiedNamesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern QUALIFIED = Pattern.compile(
            "\\b(?:java|javax|javafx|kz|org|com|picocli|net)(?:\\.[a-z]\\w*)+\\.[A-Z]\\w*");
    private static final Pattern COMMENT_OR_STRING = Pattern.compile("/\\*.*?\\*/|//[^\\n]*|\"(?:\\\\.|[^\"\\\\])*\"",
            Pattern.DOTALL);

    @Test
    void codeUsesImportsNotQualifiedNames() throws IOException {
        List<String> found = new ArrayList<>();
        int files = 0;
        try (Stream<Path> sources = Files.walk(SOURCES)) {
            for (Path file : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                files++;
                String[] lines = blankCommentsAndStrings(Files.readString(file)).split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (lines[i].startsWith("import ") || lines[i].startsWith("package ")) {
                        continue;
                    }
                    Matcher m = QUALIFIED.matcher(lines[i]);
                    while (m.find()) {
                        found.add(SOURCES.relativize(file) + ":" + (i + 1) + ": " + m.group());
                    }
                }
            }
        }
        assertTrue(files > 150, "expected the kiosk's sources under " + SOURCES.toAbsolutePath());
        assertEquals(List.of(), found, "import these classes instead");
    }

    private static String blankCommentsAndStrings(String source) {
        Matcher m = COMMENT_OR_STRING.matcher(source);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(source, last, m.start());
            out.append(m.group().replaceAll("[^\\n]", " "));
            last = m.end();
        }
        return out.append(source.substring(last)).toString();
    }
}
