package kz.sailau.kiosk.threats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import kz.sailau.kiosk.biometric.ImageFileFixtures;
import kz.sailau.prints.CompetitionSetGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threat: whoever hands {@code accuracy --images DIR} a folder of their making (session H53): a decompression bomb (a
 * header claiming 60000 x 60000 pixels in PNG, TIFF and BMP), a 1 x 1, empty, truncated or non-image file named like
 * an image, {@code dpi} files that are no number, misnamed and duplicate images, links that lead nowhere, a set with
 * an odd number of fingers, impressions that are not there, a report folder that cannot be one. Each run is refused
 * with one line {@code error [key]: reason} naming the file and what is wrong with it, exit 1, no stack trace, no
 * report folder and no staging folder left beside it. Before H53 an image of the wrong size, an empty, a truncated
 * and a non-image file all read "image cannot be decoded as PNG, TIFF or BMP"; a {@code dpi} file with a byte order
 * mark or non-Latin digits read "dpi file cannot be read"; a link to nowhere among the sets and the odd finger of a
 * set were left out of the measurement unsaid; a {@code --report} link to nowhere was refused only after the whole
 * run, in the words "already exists". 16-bit, colour and paletted images are decoded and measured (a control).
 */
class HostileAccuracyFoldersIT {

    @TempDir
    static Path work;
    /** One good set: four fingers of three impressions at 500 dpi (stated in each PNG). */
    static Path good;
    static int caseNumber;

    @BeforeAll
    static void generate() throws Exception {
        Path sets = work.resolve("generated");
        new CompetitionSetGenerator(53).write(sets, 4, 3);
        good = sets.resolve("s1-normal-500dpi");
    }

    /** One hostile folder and what its refusal must say. */
    record Hostile(String what, String key, String says, Mutation mutation, String... options) {
        @Override
        public String toString() {
            return what;
        }
    }

    /** Changes a copy of the good set {@code set} inside the images folder {@code images}. */
    interface Mutation {
        void apply(Path images, Path set) throws IOException;
    }

    @Test
    void everyHostileFolderIsRefusedInOneSpecificLineAndLeavesNoReport() throws Exception {
        List<Hostile> all = new ArrayList<>();
        // Images: the size is judged on the header alone, before a pixel is decoded.
        all.add(new Hostile("a PNG whose header claims 60000 x 60000 (decompression bomb)", "accuracy.error.image",
                "S: 101_1.png: image cannot be decoded as PNG, TIFF or BMP: the image is 60000 x 60000 pixels",
                (images, set) -> Files.write(set.resolve("101_1.png"), png(60000, 60000, 8, 0, new byte[1000]))));
        all.add(new Hostile("a TIFF whose header claims 60000 x 60000", "accuracy.error.image",
                "S: 101_1.tif: image cannot be decoded as PNG, TIFF or BMP: the image is 60000 x 60000 pixels",
                (images, set) -> {
                    Files.delete(set.resolve("101_1.png"));
                    Files.write(set.resolve("101_1.tif"), tiff(60000, 60000));
                }));
        // The JDK's BMP reader refuses a header whose pixel count overflows before it reports a size.
        all.add(new Hostile("a BMP whose header claims 60000 x 60000", "accuracy.error.image",
                "S: 101_1.bmp: image cannot be decoded as PNG, TIFF or BMP: the BMP header is damaged",
                (images, set) -> {
                    Files.delete(set.resolve("101_1.png"));
                    Files.write(set.resolve("101_1.bmp"), bmp(60000, 60000));
                }));
        all.add(new Hostile("a BMP whose header claims 5000 x 5000", "accuracy.error.image",
                "S: 101_1.bmp: image cannot be decoded as PNG, TIFF or BMP: the image is 5000 x 5000 pixels",
                (images, set) -> {
                    Files.delete(set.resolve("101_1.png"));
                    Files.write(set.resolve("101_1.bmp"), bmp(5000, 5000));
                }));
        all.add(new Hostile("a 1 x 1 PNG", "accuracy.error.image", "S: 102_3.png: image cannot be decoded as PNG, "
                + "TIFF or BMP: the image is 1 x 1 pixels; a fingerprint image is 16 to 4096 pixels on each side",
                (images, set) -> Files.write(set.resolve("102_3.png"), png(1, 1, 8, 0, new byte[] {0, 0x40}))));
        all.add(new Hostile("an empty file named 102_3.png", "accuracy.error.image",
                "S: 102_3.png: image cannot be decoded as PNG, TIFF or BMP: the file is empty (0 bytes)",
                (images, set) -> Files.write(set.resolve("102_3.png"), new byte[0])));
        all.add(new Hostile("a text file named 102_3.png", "accuracy.error.image",
                "S: 102_3.png: image cannot be decoded as PNG, TIFF or BMP: the file is not an image",
                (images, set) -> Files.writeString(set.resolve("102_3.png"), "not an image\n")));
        all.add(new Hostile("a PNG cut in half", "accuracy.error.image",
                "S: 101_1.png: image cannot be decoded as PNG, TIFF or BMP: the PNG image is damaged or truncated",
                (images, set) -> {
                    byte[] bytes = Files.readAllBytes(set.resolve("101_1.png"));
                    Files.write(set.resolve("101_1.png"), Arrays.copyOf(bytes, bytes.length / 2));
                }));
        all.add(new Hostile("a JPEG named 101_1.png", "accuracy.error.image",
                "S: 101_1.png: image cannot be decoded as PNG, TIFF or BMP: image format jpeg is not PNG, TIFF or BMP",
                (images, set) -> {
                    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
                    ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY), "jpg", jpeg);
                    Files.write(set.resolve("101_1.png"), jpeg.toByteArray());
                }));
        // The set's dpi file.
        for (String text : List.of("abc", "-5", "0", "1e9", "500\n600", "")) {
            all.add(new Hostile("dpi holding '" + text + "'", "accuracy.error.dpi",
                    "set S: dpi file must hold one number from 250 to 2000",
                    (images, set) -> Files.writeString(set.resolve("dpi"), text, StandardCharsets.UTF_8)));
        }
        all.add(new Hostile("dpi of 10 MB", "accuracy.error.dpi", "set S: dpi file is longer than one number",
                (images, set) -> Files.write(set.resolve("dpi"), "5".repeat(10_000_000).getBytes())));
        for (String text : List.of("\uFEFF500", "\u0665\u0660\u0660", "\uFF15\uFF10\uFF10")) {
            all.add(new Hostile("dpi holding a byte order mark or non-Latin digits", "accuracy.error.dpi",
                    "set S: dpi file holds a character that is not ASCII",
                    (images, set) -> Files.writeString(set.resolve("dpi"), text, StandardCharsets.UTF_8)));
        }
        // Names.
        for (String name : List.of("101_x.png", "_1.png", "1000000_1.png")) {
            all.add(new Hostile("an image named " + name, "accuracy.error.layout", "set S: image " + name
                    + " is not named <finger>_<impression>.png",
                    (images, set) -> Files.copy(good.resolve("101_1.png"), set.resolve(name))));
        }
        for (String name : List.of("101_1.PNG", "0101_1.png", "101_1.tif")) {
            all.add(new Hostile(name + " beside 101_1.png", "accuracy.error.layout",
                    "set S: finger 101 impression 1 is given by two files",
                    (images, set) -> Files.copy(good.resolve("101_1.png"), set.resolve(name))));
        }
        // Links: one leading to itself among the sets, one among the images.
        all.add(new Hostile("a set that is a link to itself", "accuracy.error.layout",
                "--images entry L is a symbolic link that leads to nothing (broken, or a loop)",
                (images, set) -> Files.createSymbolicLink(images.resolve("L"), Path.of("L"))));
        all.add(new Hostile("a set that is a link to a missing folder", "accuracy.error.layout",
                "--images entry T is a symbolic link that leads to nothing",
                (images, set) -> Files.createSymbolicLink(images.resolve("T"), work.resolve("no-such-set"))));
        all.add(new Hostile("an image that is a link to itself", "accuracy.error.layout",
                "set S: image 101_1.png is not a regular file",
                (images, set) -> {
                    Files.delete(set.resolve("101_1.png"));
                    Files.createSymbolicLink(set.resolve("101_1.png"), Path.of("101_1.png"));
                }));
        // Fingers: each voter takes two.
        all.add(new Hostile("a set of one finger beside a good one", "accuracy.error.layout",
                "set T holds 1 finger(s), finger 101 without a partner", (images, set) -> {
                    Files.createDirectories(images.resolve("T"));
                    for (int impression = 1; impression <= 3; impression++) {
                        Files.copy(good.resolve("101_" + impression + ".png"),
                                images.resolve("T").resolve("101_" + impression + ".png"));
                    }
                }));
        all.add(new Hostile("a set of three fingers", "accuracy.error.layout",
                "set S holds 3 finger(s), finger 103 without a partner", (images, set) -> {
                    for (int impression = 1; impression <= 3; impression++) {
                        Files.delete(set.resolve("104_" + impression + ".png"));
                    }
                }));
        all.add(new Hostile("only one finger in the only set", "accuracy.error.layout",
                "set S holds 1 finger(s), finger 101 without a partner", (images, set) -> {
                    for (int finger = 102; finger <= 104; finger++) {
                        for (int impression = 1; impression <= 3; impression++) {
                            Files.delete(set.resolve(finger + "_" + impression + ".png"));
                        }
                    }
                }));
        // Impressions.
        all.add(new Hostile("--live-impressions naming one that is not there", "accuracy.error.impressions",
                "set S: finger 101 has no impression 9", (images, set) -> { }, "--live-impressions", "2,9"));
        all.add(new Hostile("--enrol-impressions 0,-1,99", "cli.error.impressions",
                "--enrol-impressions must be impression numbers", (images, set) -> { },
                "--enrol-impressions", "0,-1,99"));
        all.add(new Hostile("--enrol-impressions 99", "accuracy.error.impressions",
                "set S: finger 101 has no impression 99", (images, set) -> { }, "--enrol-impressions", "99"));
        // The report folder.
        all.add(new Hostile("--report an existing file", "cli.error.report", "--report is a file, not a folder",
                (images, set) -> Files.writeString(work.resolve("report-file"), "keep"), "--report",
                work.resolve("report-file").toString()));
        all.add(new Hostile("--report a link that leads nowhere", "cli.error.report",
                "--report is a symbolic link that leads to nothing", (images, set) -> {
                    Files.deleteIfExists(work.resolve("report-link"));
                    Files.createSymbolicLink(work.resolve("report-link"), work.resolve("nowhere/report"));
                }, "--report", work.resolve("report-link").toString()));

        for (Hostile hostile : all) {
            assertRefused(hostile);
        }
        assertEquals("keep", Files.readString(work.resolve("report-file")), "--report FILE left as it was");
    }

    /** Deep, colour and paletted images are decoded (as luma) and measured; the report is complete, nothing else. */
    @Test
    void deepColourAndPalettedImagesAreMeasuredAndTheReportIsWrittenWhole() throws Exception {
        Path images = copyOfTheGoodSet("control");
        Path set = images.resolve("S");
        BufferedImage print = ImageIO.read(good.resolve("101_1.png").toFile());
        BufferedImage deep = new BufferedImage(print.getWidth(), print.getHeight(), BufferedImage.TYPE_USHORT_GRAY);
        BufferedImage colour = new BufferedImage(print.getWidth(), print.getHeight(), BufferedImage.TYPE_INT_RGB);
        BufferedImage paletted = new BufferedImage(print.getWidth(), print.getHeight(),
                BufferedImage.TYPE_BYTE_INDEXED);
        for (BufferedImage copy : List.of(deep, colour, paletted)) {
            copy.getGraphics().drawImage(print, 0, 0, null);
        }
        Files.write(set.resolve("101_1.tif"), bytes(deep, "tiff"));
        Files.delete(set.resolve("101_1.png"));
        Files.write(set.resolve("dpi"), "500\n".getBytes(StandardCharsets.US_ASCII));
        Files.write(set.resolve("102_1.bmp"), bytes(colour, "bmp"));
        Files.delete(set.resolve("102_1.png"));
        Files.write(set.resolve("103_1.png"), bytes(paletted, "png"));
        // The report folder exists, empty, and is reached through a link: the files go into it.
        Path report = Files.createDirectories(work.resolve("control-report"));
        Path link = Files.createSymbolicLink(work.resolve("control-report-link"), report);
        ThreatWorld.Run run = ThreatWorld.run("accuracy", "--images", images.toString(), "--enrol-impressions", "1",
                "--live-impressions", "2,3", "--report", link.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("accuracy voters=2 passed="), run.out());
        try (Stream<Path> files = Files.list(report)) {
            assertEquals(List.of("det.png", "enrolment-quality.tsv", "histograms.png", "scores.tsv", "summary.txt",
                    "voters.tsv"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(Files.isSymbolicLink(link), "the link is left as it was");
        Path plain = Files.createDirectory(work.resolve("a-plain-folder"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(report),
                "the report folder has the permissions any new folder gets (not a temporary folder's owner-only)");
        assertEquals(List.of(), stagingFolders(), "no staging folder left beside the report");
    }

    private static void assertRefused(Hostile hostile) throws Exception {
        Path images = copyOfTheGoodSet("case-" + ++caseNumber);
        hostile.mutation().apply(images, images.resolve("S"));
        Path report = work.resolve("report-" + caseNumber);
        List<String> args = new ArrayList<>(List.of("accuracy", "--images", images.toString()));
        List<String> options = List.of(hostile.options());
        for (String[] defaults : new String[][] {{"--enrol-impressions", "1"}, {"--live-impressions", "2,3"},
                {"--report", report.toString()}}) {
            if (!options.contains(defaults[0])) {
                args.addAll(List.of(defaults));
            }
        }
        args.addAll(options);
        ThreatWorld.Run run = ThreatWorld.run(args.toArray(String[]::new));
        String all = run.out() + run.err();
        assertEquals(1, run.exit(), hostile + ": exit code\n" + all);
        assertEquals(1, run.errLines().size(), hostile + ": exactly one line\n" + run.err());
        String line = run.errLines().get(0);
        assertTrue(line.startsWith("error [" + hostile.key() + "]: "), hostile + ": " + line);
        assertTrue(line.contains(hostile.says()), hostile + ": the line must say «" + hostile.says() + "»: " + line);
        assertFalse(all.contains("Exception") || all.contains("\tat ") || all.contains("OutOfMemory"),
                hostile + ": " + all);
        assertFalse(Files.exists(report), hostile + ": a report of a refused run");
        assertEquals(List.of(), stagingFolders(), hostile + ": a staging folder left behind");
    }

    private static Path copyOfTheGoodSet(String name) throws IOException {
        Path images = work.resolve(name);
        Path set = Files.createDirectories(images.resolve("S"));
        try (Stream<Path> files = Files.list(good)) {
            for (Path file : files.toList()) {
                Files.copy(file, set.resolve(file.getFileName()));
            }
        }
        return images;
    }

    /** Hidden folders beside the reports: what a run stages its report in. */
    private static List<String> stagingFolders() throws IOException {
        try (Stream<Path> entries = Files.list(work)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".report")
                    || n.startsWith(".control-report")).toList();
        }
    }

    private static byte[] bytes(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, format, out), format);
        return out.toByteArray();
    }

    /** A PNG at 500 dpi of one IDAT chunk: {@code raw} deflated (a few bytes, for a header-only bomb). */
    private static byte[] png(int width, int height, int depth, int colourType, byte[] raw) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(compressed)) {
            deflate.write(raw);
        }
        byte[] header = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) depth).put((byte) colourType)
                .put((byte) 0).put((byte) 0).put((byte) 0).array();
        // pHYs: 19685 pixels per metre = 500 dpi, so the resolution is no reason to refuse.
        byte[] resolution = ByteBuffer.allocate(9).putInt(19685).putInt(19685).put((byte) 1).array();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        out.write(ImageFileFixtures.chunk("IHDR", header));
        out.write(ImageFileFixtures.chunk("pHYs", resolution));
        out.write(ImageFileFixtures.chunk("IDAT", compressed.toByteArray()));
        out.write(ImageFileFixtures.chunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    /** A little-endian baseline TIFF header of one 8-bit gray strip, stating its size and nothing to back it. */
    private static byte[] tiff(int width, int height) {
        int[][] entries = {{256, 4, width}, {257, 4, height}, {258, 3, 8}, {259, 3, 1}, {262, 3, 1},
                {273, 4, 8 + 2 + 12 * 8 + 4}, {278, 4, height}, {279, 4, 1000}};
        ByteBuffer out = ByteBuffer.allocate(8 + 2 + 12 * entries.length + 4 + 1000).order(ByteOrder.LITTLE_ENDIAN);
        out.put(new byte[] {'I', 'I', 42, 0}).putInt(8).putShort((short) entries.length);
        for (int[] entry : entries) {
            out.putShort((short) entry[0]).putShort((short) entry[1]).putInt(1).putInt(entry[2]);
        }
        out.putInt(0);
        return out.array();
    }

    /** A BMP header of an 8-bit paletted image of the given size at 500 dpi, with 1000 bytes of pixels. */
    private static byte[] bmp(int width, int height) {
        int offset = 14 + 40 + 1024;
        ByteBuffer out = ByteBuffer.allocate(offset + 1000).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 'B').put((byte) 'M').putInt(offset + 1000).putInt(0).putInt(offset);
        out.putInt(40).putInt(width).putInt(height).putShort((short) 1).putShort((short) 8).putInt(0)
                .putInt(width * height).putInt(19685).putInt(19685).putInt(256).putInt(0);
        for (int i = 0; i < 256; i++) {
            out.put((byte) i).put((byte) i).put((byte) i).put((byte) 0);
        }
        return out.array();
    }
}
