package kz.sailau.kiosk.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.stream.Stream;
import kz.sailau.kiosk.model.mrz.MrzParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The real serial MRZ reader against the emulator of every reader profile, over pseudo-terminals. */
class SerialMrzReaderProfilesIT {

    static Stream<MrzReaderProfile> profiles() {
        return MrzReaderProfile.catalogue().stream();
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void readsCardsInTheProfilesFramingAfterNoise(MrzReaderProfile profile) throws Exception {
        try (MrzReaderEmulator emulator = MrzReaderEmulator.open(null, profile);
             SerialMrzReader reader = SerialMrzReader.open(emulator.devicePath(), profile.defaultBaud(), profile,
                     Clock.systemUTC())) {
            emulator.sendRaw("\r\n".getBytes(StandardCharsets.US_ASCII));
            emulator.present(MrzLineAssemblerTest.ZONE);
            emulator.present(MrzLineAssemblerTest.ZONE);
            String zone = reader.nextZone(Duration.ofSeconds(5)).orElseThrow();
            assertEquals(MrzLineAssemblerTest.JOINED, zone);
            assertEquals("SERIKBAEV", MrzParser.parse(zone, LocalDate.of(2026, 11, 25)).surname());
            assertEquals(zone, reader.nextZone(Duration.ofSeconds(5)).orElseThrow());
        }
    }
}
