package kz.sailau.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ScannerExceptionTest {

    @Test
    void everyFailureHasItsOwnMessageKeyAndKeepsTheTechnicalMessage() {
        IOException cause = new IOException("eio");
        List<ScannerException> all = List.of(
                new ScannerTimeoutException("t"), new ScannerDisconnectedException("t", cause),
                new ChecksumException("t"), new MalformedPacketException("t"), new WrongPasswordException("t"),
                new PortBusyException("t"), new PortAccessDeniedException("t"), new NoFingerException("t"),
                new CaptureCancelledException("t"), new SensorErrorException("t"));
        Set<String> keys = all.stream().map(ScannerException::messageKey).collect(Collectors.toSet());
        assertEquals(all.size(), keys.size(), "keys are distinct");
        keys.forEach(key -> assertEquals(true, key.startsWith("scanner.error."), key));
        all.forEach(e -> assertEquals("t", e.technicalMessage()));
        assertEquals("scanner.error.timeout", new ScannerTimeoutException("x").messageKey());
        assertSame(cause, all.get(1).getCause());
    }
}
