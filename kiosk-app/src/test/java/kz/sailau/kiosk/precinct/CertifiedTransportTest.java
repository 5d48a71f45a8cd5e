package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.jgroups.Address;
import org.jgroups.EmptyMessage;
import org.jgroups.Message;
import org.jgroups.View;
import org.jgroups.conf.ClassConfigurator;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.protocols.raft.RAFT;
import org.jgroups.util.ExtendedUUID;
import org.jgroups.util.UUID;
import org.jgroups.util.Util;
import org.junit.jupiter.api.Test;

/**
 * Which messages a connection certified for one machine may carry (decision 0330): only its own, by the Raft name
 * its address carries and, for a view member, by the name the view recorded; a join or leave request only for
 * itself. The other half, that a refused frame closes the connection and is counted, is {@code
 * ImpersonatingMemberIT}.
 */
class CertifiedTransportTest {

    private static final short GMS_ID = ClassConfigurator.getProtocolId(GMS.class);

    private final ExtendedUUID kiosk1 = member("kiosk-1");
    private final ExtendedUUID kiosk3 = member("kiosk-3");
    private final View view = View.create(kiosk1, 4, kiosk1, kiosk3);

    @Test
    void aMachineMaySpeakInItsOwnNameInAndOutOfTheView() {
        assertEquals(Optional.empty(), CertifiedTransport.refusal("kiosk-3", from(kiosk3), view));
        assertEquals(Optional.empty(), CertifiedTransport.refusal("kiosk-3", from(kiosk3), null));
        ExtendedUUID restarted = member("kiosk-2");
        assertEquals(Optional.empty(), CertifiedTransport.refusal("kiosk-2", from(restarted), view),
                "a machine not in the view yet (joining) speaks in the name its address carries");
    }

    @Test
    void anotherMembersRaftNameIsRefused() {
        assertEquals(Optional.of("a message in the name of kiosk-2"),
                CertifiedTransport.refusal("kiosk-3", from(member("kiosk-2")), view));
        assertEquals(Optional.of("a message in the name of kiosk-1"),
                CertifiedTransport.refusal("kiosk-3", from(kiosk1), view));
    }

    @Test
    void anotherMembersAddressWithItsOwnRaftNameIsRefused() {
        // The same UUID as kiosk-1 (JGroups and the election count by it) but the raft id of the sender itself.
        ExtendedUUID stolen = new ExtendedUUID(kiosk1.getMostSignificantBits(), kiosk1.getLeastSignificantBits())
                .put(RAFT.raft_id_key, Util.stringToBytes("kiosk-3"));
        assertEquals(Optional.of("a message in the name of no Raft member"),
                CertifiedTransport.refusal("kiosk-3", from(stolen), view));
    }

    @Test
    void anAddressWithoutARaftNameIsRefused() {
        assertEquals(Optional.of("a message in the name of no Raft member"),
                CertifiedTransport.refusal("kiosk-3", from(UUID.randomUUID()), view));
        assertEquals(Optional.of("a message in the name of no Raft member"),
                CertifiedTransport.refusal("kiosk-3", new EmptyMessage(), view));
    }

    @Test
    void aJoinOrLeaveRequestForAnotherMachineIsRefused() {
        ExtendedUUID joining = member("kiosk-3");
        for (byte type : new byte[] {GMS.GmsHeader.JOIN_REQ, GMS.GmsHeader.JOIN_REQ_WITH_STATE_TRANSFER,
            GMS.GmsHeader.LEAVE_REQ}) {
            Message own = from(joining).putHeader(GMS_ID, new GMS.GmsHeader(type, joining));
            assertEquals(Optional.empty(), CertifiedTransport.refusal("kiosk-3", own, null));
            Message other = from(joining).putHeader(GMS_ID, new GMS.GmsHeader(type, member("kiosk-2")));
            assertEquals(Optional.of("a request to join or leave for kiosk-2"),
                    CertifiedTransport.refusal("kiosk-3", other, null));
        }
    }

    private static ExtendedUUID member(String raftName) {
        return ExtendedUUID.randomUUID().put(RAFT.raft_id_key, Util.stringToBytes(raftName));
    }

    private static Message from(Address sender) {
        return new EmptyMessage().setSrc(sender);
    }
}
