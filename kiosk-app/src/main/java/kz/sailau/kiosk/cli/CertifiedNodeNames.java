package kz.sailau.kiosk.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.store.AtomicFileReplacement;

/**
 * The authority's list of the machine names it certified, per precinct, with the SHA-256 of each machine's public
 * key ({@value #FILE} in the authority directory, decision 0480): a second machine under a name already certified
 * for the precinct would take the first one's place on the precinct network (session H62), so
 * {@code authority certify-node} certifies a name for one key only. The same key again (a renewed certificate) is
 * allowed; a replacement machine gets a new name and joins with {@code admit}.
 *
 * <p>One line per name: {@code precinct TAB name TAB key-sha256}, under a header line. The list holds no personal
 * data; it is the authority's own record, kept beside its key.
 */
final class CertifiedNodeNames {

    /** The file in the authority directory. */
    static final String FILE = "certified-nodes.tsv";

    private static final String HEADER = "precinct\tname\tkey_sha256";
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
    private static final long MAX_BYTES = 16L * 1024 * 1024;

    private record Entry(PrecinctId precinct, NodeName name, String keySha256) {
        String line() {
            return precinct.number() + "\t" + name.value() + "\t" + keySha256;
        }
    }

    private CertifiedNodeNames() {
    }

    /**
     * Checks that {@code name} is free in {@code precinct} or certified for this same key; nothing is written.
     *
     * @return whether the name is new (and must be {@linkplain #record recorded})
     * @throws CliException {@code node.error.nameTaken} when the precinct has another machine of that name;
     *                      {@code node.error.certifiedNames} when the list cannot be read as written
     */
    static boolean check(Path authorityDirectory, PrecinctId precinct, NodeName name, String keySha256)
            throws IOException {
        for (Entry entry : read(authorityDirectory)) {
            if (entry.precinct().equals(precinct) && entry.name().equals(name)) {
                if (entry.keySha256().equals(keySha256)) {
                    return false;
                }
                throw new CliException("node.error.nameTaken", "precinct " + precinct.number() + " already has a "
                        + "machine named " + name.value() + " certified with another key (SHA-256 "
                        + entry.keySha256().substring(0, 16) + "…): certify one machine per name; a replacement gets "
                        + "a new name and joins with admit");
            }
        }
        return true;
    }

    /** Adds the name, as {@link #check} allowed it: the whole list written anew, atomically. */
    static void record(Path authorityDirectory, PrecinctId precinct, NodeName name, String keySha256)
            throws IOException {
        List<Entry> entries = new ArrayList<>(read(authorityDirectory));
        entries.add(new Entry(precinct, name, keySha256));
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (Entry entry : entries) {
            text.append(entry.line()).append('\n');
        }
        AtomicFileReplacement.write(authorityDirectory.resolve(FILE), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static List<Entry> read(Path authorityDirectory) throws IOException {
        Path file = Objects.requireNonNull(authorityDirectory, "authorityDirectory").resolve(FILE);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES) {
            throw unreadable(file, "it is not a regular file of at most 16 MiB");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw unreadable(file, "its first line is not the header");
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] fields = lines.get(i).split("\t", -1);
            try {
                if (fields.length != 3 || !DIGEST.matcher(fields[2]).matches()) {
                    throw new IllegalArgumentException("three fields, the last a SHA-256");
                }
                entries.add(new Entry(PrecinctId.parse(fields[0]), new NodeName(fields[1]), fields[2]));
            } catch (IllegalArgumentException e) {
                throw unreadable(file, "line " + (i + 1) + " is not 'precinct TAB name TAB key-sha256'");
            }
        }
        return entries;
    }

    private static CliException unreadable(Path file, String why) {
        return new CliException("node.error.certifiedNames", file + " cannot be read: " + why
                + "; it is written only by authority certify-node");
    }
}
