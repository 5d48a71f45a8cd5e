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
import org.jgroups.protocols.raft.Log;
import org.jgroups.protocols.raft.LogEntry;

/**
 * JGroups Raft's file log with a durable snapshot: the snapshot is written to a fresh temporary file, forced to
 * disk, renamed over the old one and the directory forced, before the log is truncated behind it (the stock
 * {@code FileBasedLog} writes it without a sync, so a power cut right after a truncation could lose committed
 * check-ins on every node at once). During the day a truncation keeps the last {@value #DAY_TAIL} committed entries
 * up to the snapshot's own, so that a follower slightly behind catches up by entries rather than by a snapshot (the
 * entries committed after the snapshot stay too, until the next one); at the end of the day
 * ({@link PrecinctNode#snapshotToTheSeal()}) nothing is kept but the last entry, the seal. Loaded by name through
 * RAFT's {@code log_class}; public for that reason only.
 */
public final class DurableSnapshotLog extends FileBasedLog {

    /** The snapshot file inside the log directory. */
    static final String SNAPSHOT_FILE = "ledger.snapshot";

    /** Committed entries kept behind a snapshot during the day, so a follower a little behind catches up by entries. */
    static final long DAY_TAIL = 32;

    private Path directory;
    private volatile long tail = DAY_TAIL;
    /** The index of the snapshot on disk, 0 while none is known; entries at or below it may go at any time. */
    private volatile long snapshotIndex;

    /** How many committed entries the next truncations keep (0 at the end of the day). */
    void keepTail(long entries) {
        tail = entries;
    }

    /**
     * Truncates behind a snapshot taken at {@code indexExclusive} (the engine removes the entries before it and keeps
     * that one), keeping the day's tail: the last {@link #keepTail} entries up to and with that one, or that one
     * alone at the end of the day. Keeping {@code tail} entries before it as well kept one more than the threat model
     * bounds (session H49, {@code SeizedNodeIT}).
     */
    @Override
    public void truncate(long indexExclusive) {
        // The engine truncates right after writing the snapshot of its commit index, which is this one.
        snapshotIndex = Math.max(snapshotIndex, indexExclusive);
        keepTheTailUpTo(indexExclusive);
    }

    private void keepTheTailUpTo(long index) {
        long first = index - Math.max(tail - 1, 0);
        if (first > firstAppended()) {
            super.truncate(first);
        }
    }

    /**
     * Records a new term, never an older one. The stock file log also sets its term to that of the last entry it
     * writes, of an entry it installs from a snapshot or of the last one left after a deletion, so a follower that
     * voted in term T and then caught up entries of an earlier term wrote that earlier term over T and, restarted,
     * would vote a second time in T (session H50, decision 0410). The engine forces each new term to disk before it
     * takes part in that term, so the recorded term is never below the last entry's (what
     * {@link PrecinctRaft#initStateMachineFromLog} checks at start).
     */
    @Override
    public Log currentTerm(long term) {
        if (term > currentTerm()) {
            super.currentTerm(term);
        }
        return this;
    }

    /** The stock re-initialisation behind an installed snapshot, keeping the recorded term if it is newer. */
    @Override
    public void reinitializeTo(long index, LogEntry entry) {
        long term = currentTerm();
        snapshotIndex = Math.max(snapshotIndex, index);
        super.reinitializeTo(index, entry);
        if (currentTerm() < term) {
            super.currentTerm(term);
        }
    }

    @Override
    public void init(String logName, Map<String, String> args) throws Exception {
        directory = Path.of(logName);
        try {
            super.init(logName, args);
        } catch (Exception e) {
            throw new DamagedLedgerException("the consensus log cannot be read", e);
        }
        ByteBuffer snapshot = getSnapshot();
        if (snapshot != null) {
            // Unverified here; the engine verifies the snapshot at start and refuses a node whose snapshot is not
            // genuine, so a forged index never governs a truncation of a running node.
            snapshotIndex = SignedSnapshot.indexOf(snapshot).orElse(0);
        }
    }

    /**
     * Writes the snapshot of the commit index durably. Before it, the entries the snapshot already on disk covers are
     * cut to the day's tail up to the new snapshot's index, so that a node killed between writing this snapshot and
     * the engine's truncation behind it keeps no more than {@value #DAY_TAIL} entries up to the snapshot (one more
     * appeared in {@code SeizedNodeIT} under load): what goes is only what the durable snapshot on disk holds.
     */
    @Override
    public void setSnapshot(ByteBuffer snapshot) {
        long covered = snapshotIndex;
        if (covered > 0) {
            keepTheTailUpTo(Math.min(commitIndex(), covered + Math.max(tail - 1, 0) + 1));
        }
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
