package kz.sailau.kiosk.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import kz.sailau.kiosk.model.mrz.IdentityDocument;
import kz.sailau.kiosk.model.mrz.MrzParser;
import org.junit.jupiter.api.Test;

/** The real jSerialComm MRZ reader against the emulator on a pseudo-terminal. */
class SerialMrzReaderIT {

    @Test
    void readsCardsSentByTheEmulatorAndNoticesUnplugging() throws Exception {
        MrzReaderEmulator emulator = MrzReaderEmulator.open(null);
        JumpingClock clock = new JumpingClock();
        try (SerialMrzReader reader = SerialMrzReader.open(emulator.devicePath(), 9600, clock)) {
            assertEquals(Optional.empty(), reader.nextZone(Duration.ofMillis(200)));
            emulator.sendRaw("\u0000\r\nnoise".getBytes(StandardCharsets.ISO_8859_1));
            assertEquals(Optional.empty(), reader.nextZone(Duration.ofMillis(300)));   // noise is no card
            // a pause longer than MrzLineAssembler.MAX_GAP_MILLIS drops the partial zone: the reader's clock jumps
            clock.jump(Duration.ofMillis(MrzLineAssembler.MAX_GAP_MILLIS + 200));
            emulator.present(MrzLineAssemblerTest.ZONE);
            String zone = reader.nextZone(Duration.ofSeconds(5)).orElseThrow();
            assertEquals(MrzLineAssemblerTest.JOINED, zone);
            IdentityDocument doc = MrzParser.parse(zone, LocalDate.of(2026, 11, 25));
            assertEquals("SERIKBAEV", doc.surname());
            emulator.present(MrzLineAssemblerTest.ZONE);
            emulator.present(MrzLineAssemblerTest.ZONE);
            assertEquals(zone, reader.nextZone(Duration.ofSeconds(5)).orElseThrow());
            assertEquals(zone, reader.nextZone(Duration.ofSeconds(5)).orElseThrow());
            emulator.close();
            MrzReaderException gone = assertThrows(MrzReaderException.class,
                    () -> reader.nextZone(Duration.ofSeconds(5)));
            assertEquals("device.mrz.disconnected", gone.messageKey());
        } finally {
            emulator.close();
        }
    }

    /** The system clock plus an offset the test moves forward: time keeps running, and can jump. */
    private static final class JumpingClock extends Clock {
        private final Clock system = Clock.systemUTC();
        private volatile Duration offset = Duration.ZERO;

        void jump(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return system.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return system.instant().plus(offset);
        }
    }
}
