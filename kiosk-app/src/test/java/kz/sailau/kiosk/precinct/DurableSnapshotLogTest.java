package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    private DurableSnapshotLog open(String name) throws Exception {
        DurableSnapshotLog log = new DurableSnapshotLog();
        log.useFsync(true);
        log.init(directory.resolve(name).toString(), Map.of());
        return log;
    }
}
