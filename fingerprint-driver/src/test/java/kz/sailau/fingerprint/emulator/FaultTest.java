package kz.sailau.fingerprint.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultTest {

    @Test
    void parsesEveryKindWithAndWithoutNumbers() {
        assertEquals(List.of(new Fault.NoFinger(3), new Fault.CorruptChecksum(1), new Fault.Disconnect(20000,
                        Duration.ofSeconds(1)), new Fault.DropBytes(7), new Fault.Stall(1000)),
                Fault.parse("no-finger=3, checksum,disconnect=20000,drop=7,STALL"));
        assertEquals(List.of(), Fault.parse(""));
    }

    @Test
    void rejectsUnknownNamesAndBadNumbers() {
        assertThrows(IllegalArgumentException.class, () -> Fault.parse("melt"));
        assertThrows(IllegalArgumentException.class, () -> Fault.parse("drop=x"));
        assertThrows(IllegalArgumentException.class, () -> Fault.parse("checksum=0"));
        assertThrows(IllegalArgumentException.class, () -> Fault.parse("stall=-1"));
        assertThrows(IllegalArgumentException.class, () -> new Fault.Disconnect(1, Duration.ofSeconds(-1)));
    }
}
