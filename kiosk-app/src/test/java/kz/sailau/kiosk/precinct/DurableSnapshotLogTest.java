package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import org.jgroups.protocols.raft.LogEntries;
import org.jgroups.protocols.raft.LogEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node's consensus log keeps the newest term it recorded on disk (decision 0410): the stock file log wrote the
 * term of the entries it appended, installed or kept over it, so a follower that had voted in term 5 and then caught
 * up entries of term 3 recorded term 3 and, restarted, could vote a second time in term 5.
 */
class DurableSnapshotLogTest {

    @TempDir
    Path directory;

    @Test
    void entriesOfAnEarlierTermAppendedOrKeptDoNotLowerTheRecordedTerm() throws Exception {
        DurableSnapshotLog log = open("appended");
        log.currentTerm(5);
        log.append(1, LogEntries.create(new LogEntry(3, new byte[] {1}), new LogEntry(3, new byte[] {2}),
                new LogEntry(3, new byte[] {3})));
        assertEquals(5, log.currentTerm(), "appending entries of term 3");
        log.deleteAllEntriesStartingFrom(3);
        assertEquals(5, log.currentTerm(), "deleting back to an entry of term 3");
        log.close();

        DurableSnapshotLog reopened = open("appended");
        assertEquals(5, reopened.currentTerm(), "the term read back at the next start");
        reopened.append(3, LogEntries.create(new LogEntry(7, new byte[] {4})));
        assertEquals(7, reopened.currentTerm(), "an entry of a newer term still advances it");
        reopened.close();
        DurableSnapshotLog again = open("appended");
        assertEquals(7, again.currentTerm());
        assertEquals(7, again.get(again.lastAppended()).term());
        again.close();
    }

    @Test
    void aSnapshotInstalledBehindAnEntryOfAnEarlierTermDoesNotLowerTheRecordedTerm() throws Exception {
        DurableSnapshotLog log = open("installed");
        log.currentTerm(5);
        log.append(1, LogEntries.create(new LogEntry(5, new byte[] {1})));
        log.reinitializeTo(10, new LogEntry(4, new byte[] {2}));
        assertEquals(5, log.currentTerm(), "installing a snapshot whose entry is of term 4");
        assertEquals(10, log.commitIndex());
        log.close();
        DurableSnapshotLog reopened = open("installed");
        assertEquals(5, reopened.currentTerm(), "the term read back at the next start");
        reopened.close();
    }

    @Test
    void aNodeKilledBetweenItsSnapshotAndTheTruncationKeepsNoMoreThanTheDaysTailUpToIt() throws Exception {
        DurableSnapshotLog log = open("killed");
        log.currentTerm(1);
        appendUpTo(log, 40);
        log.setSnapshot(snapshotAt(40));
        log.truncate(40);
        assertEquals(DurableSnapshotLog.DAY_TAIL, entriesUpTo(log, 40), "after the engine's truncation");
        appendUpTo(log, 41);
        log.setSnapshot(snapshotAt(41));
        // Killed here, before the engine truncates behind the snapshot of 41 (session H49's bound, SeizedNodeIT).
        assertEquals(DurableSnapshotLog.DAY_TAIL, entriesUpTo(log, 41), "between the snapshot and the truncation");
        log.close();

        DurableSnapshotLog reopened = open("killed");
        appendUpTo(reopened, 45);
        reopened.setSnapshot(snapshotAt(45));
        assertEquals(DurableSnapshotLog.DAY_TAIL, entriesUpTo(reopened, 45),
                "after a restart the index of the snapshot on disk is read back, so the first window is bounded too");
        assertEquals(45, reopened.commitIndex());
        reopened.close();
    }

    private static void appendUpTo(DurableSnapshotLog log, long last) {
        long next = log.lastAppended() + 1;
        for (long index = next; index <= last; index++) {
            log.append(index, LogEntries.create(new LogEntry(1, new byte[] {(byte) index})));
        }
        log.commitIndex(last);
    }

    private static long entriesUpTo(DurableSnapshotLog log, long index) {
        return index - log.firstAppended() + 1;
    }

    /** The layout {@code SignedSnapshot.write} gives, with an empty certificate and signature (the log reads no more). */
    private static ByteBuffer snapshotAt(long index) throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(content)) {
            out.writeUTF(SignedSnapshot.LABEL);
            out.writeLong(index);
            out.writeInt(0);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeShort(0);
            out.writeShort(0);
            out.writeInt(content.size());
            out.write(content.toByteArray());
        }
        return ByteBuffer.wrap(bytes.toByteArray());
    }

    private DurableSnapshotLog open(String name) throws Exception {
        DurableSnapshotLog log = new DurableSnapshotLog();
        log.useFsync(true);
        log.init(directory.resolve(name).toString(), Map.of());
        return log;
    }
}
