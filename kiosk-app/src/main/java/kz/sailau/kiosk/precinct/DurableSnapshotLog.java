package kz.sailau.kiosk.precinct;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.jgroups.protocols.raft.FileBasedLog;

/**
 * JGroups Raft's file log with a durable snapshot: the snapshot is written to a fresh temporary file, forced to
 * disk, renamed over the old one and the directory forced, before the log is truncated behind it (the stock
 * {@code FileBasedLog} writes it without a sync, so a power cut right after a truncation could lose committed
 * check-ins on every node at once). Loaded by name through RAFT's {@code log_class}; public for that reason only.
 */
public final class DurableSnapshotLog extends FileBasedLog {

    /** The snapshot file inside the log directory. */
    static final String SNAPSHOT_FILE = "ledger.snapshot";

    private Path directory;

    @Override
    public void init(String logName, Map<String, String> args) throws Exception {
        directory = Path.of(logName);
        super.init(logName, args);
    }

    @Override
    public void setSnapshot(ByteBuffer snapshot) {
        Path target = directory.resolve(SNAPSHOT_FILE);
        Path temporary = directory.resolve(SNAPSHOT_FILE + ".new");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer data = snapshot.duplicate();
                while (data.hasRemaining()) {
                    channel.write(data);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel folder = FileChannel.open(directory, StandardOpenOption.READ)) {
                folder.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ledger snapshot", e);
        }
    }

    @Override
    public ByteBuffer getSnapshot() {
        Path target = directory.resolve(SNAPSHOT_FILE);
        try {
            return Files.exists(target) ? ByteBuffer.wrap(Files.readAllBytes(target)) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ledger snapshot", e);
        }
    }

    @Override
    public void delete() {
        try {
            Files.deleteIfExists(directory.resolve(SNAPSHOT_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        super.delete();
    }
}
