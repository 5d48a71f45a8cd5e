package kz.sailau.kiosk.register;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PackageFileTest {

    static final Set<String> CONTAINER_KEYS = Set.of("register.error.notAPackage", "register.error.truncated",
            "register.error.malformed");

    @Test
    void roundTripsAndRefusesEveryTruncation() {
        PackageFile file = new PackageFile("{}".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3}, new byte[40]);
        byte[] bytes = file.toBytes();
        PackageFile parsed = PackageFile.parse(bytes);
        assertArrayEquals(file.manifest(), parsed.manifest());
        assertArrayEquals(file.manifestSignature(), parsed.manifestSignature());
        assertArrayEquals(file.envelope(), parsed.envelope());
        for (int length = 0; length < bytes.length; length++) {
            byte[] cut = Arrays.copyOf(bytes, length);
            RegisterException e = assertThrows(RegisterException.class, () -> PackageFile.parse(cut));
            assertTrue(CONTAINER_KEYS.contains(e.messageKey()), e.messageKey());
        }
    }

    @Test
    void refusesImpossibleLengths() {
        byte[] bytes = new PackageFile(new byte[1], new byte[1], new byte[1]).toBytes();
        bytes[PackageFile.MAGIC.length + 2] = (byte) 0x7F; // manifest length ~2 GB
        assertEquals("register.error.malformed", assertThrows(RegisterException.class,
                () -> PackageFile.parse(bytes)).messageKey());
    }

    @Property(tries = 300)
    void randomBytesAreRefusedWithAContainerError(@ForAll @Size(max = 200) byte[] junk) {
        RegisterException e = assertThrows(RegisterException.class, () -> PackageFile.parse(junk));
        assertTrue(CONTAINER_KEYS.contains(e.messageKey()));
    }

    @Property(tries = 300)
    void randomBodiesAfterTheMagicNeverEscapeAsOtherExceptions(@ForAll @Size(max = 200) byte[] body) {
        byte[] bytes = new byte[PackageFile.MAGIC.length + body.length];
        System.arraycopy(PackageFile.MAGIC, 0, bytes, 0, PackageFile.MAGIC.length);
        System.arraycopy(body, 0, bytes, PackageFile.MAGIC.length, body.length);
        try {
            PackageFile.parse(bytes);
        } catch (RegisterException e) {
            assertTrue(CONTAINER_KEYS.contains(e.messageKey()));
        }
    }

    @Test
    void hostileRecordsDocumentsAreMalformedWithoutQuotingValues() {
        List<String> corpus = List.of("", "null", "[]", "{}", "{\"format\":\"sailau-register-records-1\"}",
                "{\"format\":\"x\",\"voters\":[]}",
                "{\"format\":\"sailau-register-records-1\",\"election\":\"KZ\",\"precinct\":1,\"registerVersion\":1,"
                        + "\"created\":\"2026-01-01T00:00:00Z\",\"extractorVersion\":\"x\",\"voters\":[{\"iin\":"
                        + "\"850607300011\",\"surname\":\"S\",\"givenName\":\"G\",\"patronymic\":\"\",\"birthDate\":"
                        + "\"1985-06-07\",\"sex\":\"M\",\"precinct\":1,\"fingers\":[]}],\"acceptedDuplicates\":[]}",
                "{\"format\":\"sailau-register-records-1\",\"unexpected\":1}", "\u0000\u0001", "{\"a\":" + "[".repeat(5000));
        for (String text : corpus) {
            RegisterException e = assertThrows(RegisterException.class,
                    () -> RecordsCodec.decode(text.getBytes(StandardCharsets.UTF_8)));
            assertEquals("register.error.malformed", e.messageKey());
            assertFalse(e.getMessage().contains("850607300011"));
        }
    }

    @Test
    void recordsRoundTrip() {
        RegisterContents contents = RegisterFixtures.contents(5, 3, 1);
        RegisterContents decoded = RecordsCodec.decode(RecordsCodec.encode(contents));
        assertEquals(contents.records().size(), decoded.records().size());
        for (int i = 0; i < 5; i++) {
            assertEquals(contents.records().get(i).voter(), decoded.records().get(i).voter());
            assertEquals(contents.records().get(i).fingers().get(0).template(),
                    decoded.records().get(i).fingers().get(0).template());
        }
        assertEquals("RegisterRecord[***, 2 templates]", decoded.records().get(0).toString());
    }
}
