package kz.sailau.kiosk.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.store.AtomicFileReplacement;

/**
 * The authority's list of the machine names it certified, per precinct, with the SHA-256 of each machine's public
 * key ({@value #FILE} in the authority directory, decision 0480): a second machine under a name already certified
 * for the precinct would take the first one's place on the precinct network (session H62), so
 * {@code authority certify-node} certifies a name for one key only. The same key again (a renewed certificate) is
 * allowed in the same role (session H64: a renewal as a ballot desk made one name a kiosk and a desk at once); a
 * replacement machine gets a new name and joins with {@code admit}.
 *
 * <p>One line per name: {@code precinct TAB name TAB key-sha256 TAB role}, under a header line. A list written
 * before the role was recorded (three columns) is still read; a renewal of one of its names records the role. The list holds no personal
 * data; it is the authority's own record, kept beside its key.
 */
final class CertifiedNodeNames {

    /** The file in the authority directory. */
    static final String FILE = "certified-nodes.tsv";

    /**
     * The lock file beside it (decision 0505): held from the list's second reading to its writing, so that two
     * {@code certify-node} runs at once cannot both find a name free and each certify a key for it.
     */
    static final String LOCK_FILE = "certified-nodes.lock";

    private static final String HEADER = "precinct\tname\tkey_sha256\trole";
    /** The header of a list written before the role was recorded (decision 0480): its lines have three fields. */
    private static final String HEADER_WITHOUT_ROLES = "precinct\tname\tkey_sha256";
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
    private static final long MAX_BYTES = 16L * 1024 * 1024;

    /** One certified name; {@code role} is empty for a line written before the role was recorded. */
    private record Entry(PrecinctId precinct, NodeName name, String keySha256, Optional<NodeRole> role) {
        String line() {
            return precinct.number() + "\t" + name.value() + "\t" + keySha256 + "\t"
                    + role.map(NodeRole::label).orElse("");
        }
    }

    private final Path file;
    private final List<Entry> entries;

    private CertifiedNodeNames(Path file, List<Entry> entries) {
        this.file = file;
        this.entries = List.copyOf(entries);
    }

    /**
     * Reads the list once, before the authority's passphrase is asked for, so that a damaged list is refused first;
     * an authority directory without one has an empty list.
     *
     * @throws CliException {@code node.error.certifiedNames} when the list cannot be read as written
     */
    static CertifiedNodeNames read(Path authorityDirectory) throws IOException {
        Path file = Objects.requireNonNull(authorityDirectory, "authorityDirectory").resolve(FILE);
        return new CertifiedNodeNames(file, entries(file));
    }

    /**
     * Takes the authority directory's lock for certifying (decision 0505), without waiting: another
     * {@code certify-node} holding it is refused at once, before anything is written. Read the list again under the
     * lock; what was read before the passphrase may be stale.
     *
     * @throws CliException {@code node.error.authorityBusy} when another run holds the lock
     */
    static Held lock(Path authorityDirectory) throws IOException {
        Path lockFile = Objects.requireNonNull(authorityDirectory, "authorityDirectory").resolve(LOCK_FILE);
        if (Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS)) {
            throw new CliException("node.error.certifiedNames", lockFile + " is not a regular file; it is made only by "
                    + "authority certify-node");
        }
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new CliException("node.error.authorityBusy", "another authority certify-node is using "
                    + authorityDirectory + " now: run this one again when it has finished");
        }
        return new Held(channel);
    }

    /** The authority directory's certifying lock, held until closed. */
    static final class Held implements AutoCloseable {
        private final FileChannel channel;

        private Held(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void close() throws IOException {
            channel.close(); // releases the lock
        }
    }

    /**
     * Checks that {@code name} is free in {@code precinct} or certified for this same key and role; nothing is
     * written.
     *
     * @return whether the list must be {@linkplain #record written}: a new name, or a renewal of a name listed
     *         without its role
     * @throws CliException {@code node.error.nameTaken} when the precinct has another machine of that name;
     *                      {@code node.error.roleChanged} when the same key asks for another role than the one the
     *                      name was certified for
     */
    boolean check(PrecinctId precinct, NodeName name, String keySha256, NodeRole role) {
        for (Entry entry : entries) {
            if (entry.precinct().equals(precinct) && entry.name().equals(name)) {
                if (!entry.keySha256().equals(keySha256)) {
                    throw new CliException("node.error.nameTaken", "precinct " + precinct.number() + " already has "
                            + "a machine named " + name.value() + " certified with another key (SHA-256 "
                            + entry.keySha256().substring(0, 16) + "…): certify one machine per name; a replacement "
                            + "gets a new name and joins with admit");
                }
                if (entry.role().isPresent() && entry.role().get() != role) {
                    throw new CliException("node.error.roleChanged", "precinct " + precinct.number() + " certified "
                            + name.value() + " as " + entry.role().get().label() + ", not " + role.label()
                            + ": a renewal keeps the role; a machine in another role gets a new name and its own key");
                }
                return entry.role().isEmpty();
            }
        }
        return true;
    }

    /**
     * Lists the name, as {@link #check} allowed it (in place of its line without a role): the list as read, with
     * this line, written anew, whole and atomically.
     */
    void record(PrecinctId precinct, NodeName name, String keySha256, NodeRole role) throws IOException {
        List<Entry> written = new ArrayList<>(entries);
        written.removeIf(entry -> entry.precinct().equals(precinct) && entry.name().equals(name)); // its line without a role
        written.add(new Entry(precinct, name, keySha256, Optional.of(role)));
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (Entry entry : written) {
            text.append(entry.line()).append('\n');
        }
        AtomicFileReplacement.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static List<Entry> entries(Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES) {
            throw unreadable(file, "it is not a regular file of at most 16 MiB");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw unreadable(file, "it is not UTF-8 text");
        }
        boolean withRoles = !lines.isEmpty() && lines.get(0).equals(HEADER);
        if (!withRoles && (lines.isEmpty() || !lines.get(0).equals(HEADER_WITHOUT_ROLES))) {
            throw unreadable(file, "its first line is not the header");
        }
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] fields = lines.get(i).split("\t", -1);
            Entry entry;
            try {
                if (fields.length != (withRoles ? 4 : 3) || !DIGEST.matcher(fields[2]).matches()) {
                    throw new IllegalArgumentException("the fields of the header, the third a SHA-256");
                }
                Optional<NodeRole> role = withRoles && !fields[3].isEmpty()
                        ? Optional.of(NodeRole.parse(fields[3])) : Optional.empty();
                entry = new Entry(PrecinctId.parse(fields[0]), new NodeName(fields[1]), fields[2], role);
            } catch (IllegalArgumentException e) {
                throw unreadable(file, "line " + (i + 1) + " is not 'precinct TAB name TAB key-sha256"
                        + (withRoles ? " TAB role'" : "'"));
            }
            if (!names.add(entry.precinct().number() + "\t" + entry.name().value())) {
                throw unreadable(file, "line " + (i + 1) + " names precinct " + entry.precinct().number()
                        + "'s " + entry.name().value() + " again");
            }
            entries.add(entry);
        }
        return entries;
    }

    private static CliException unreadable(Path file, String why) {
        return new CliException("node.error.certifiedNames", file + " cannot be read: " + why
                + "; it is written only by authority certify-node");
    }
}
