package kz.sailau.fingerprint;

/**
 * The system parameters a sensor reports to ReadSysPara (R30x / ZFM-20 user manual, instruction ReadSysPara,
 * code 0x0F: sixteen bytes, each field big-endian).
 *
 * @param statusRegister    status register (bit 0 busy, bit 1 matched, bit 2 password verified, bit 3 image buffer valid)
 * @param systemIdentifier  system identifier code (0x0009 on most modules)
 * @param librarySize       capacity of the template library
 * @param securityLevel     matching security level, 1 to 5
 * @param deviceAddress     the 32-bit module address
 * @param packetSizeBytes   data packet payload size in bytes: 32, 64, 128 or 256
 * @param baudRate          serial speed in baud, 9600 × N with N in 1..12
 */
public record SensorParameters(int statusRegister, int systemIdentifier, int librarySize, int securityLevel,
                               int deviceAddress, int packetSizeBytes, int baudRate) {

    /**
     * Validates the fields.
     *
     * @throws IllegalArgumentException if the packet size or baud rate is not one the protocol allows
     */
    public SensorParameters {
        if (packetSizeBytes != 32 && packetSizeBytes != 64 && packetSizeBytes != 128 && packetSizeBytes != 256) {
            throw new IllegalArgumentException("packet size must be 32, 64, 128 or 256, was " + packetSizeBytes);
        }
        if (baudRate % 9600 != 0 || baudRate < 9600 || baudRate > 9600 * 12) {
            throw new IllegalArgumentException("baud rate must be 9600 × N, N in 1..12, was " + baudRate);
        }
    }
}
