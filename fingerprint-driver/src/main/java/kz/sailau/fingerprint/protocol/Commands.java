package kz.sailau.fingerprint.protocol;

/**
 * Builds the command packets of the supported instructions (user manual, "Module instruction system").
 */
public final class Commands {

    /** SetSysPara parameter number 4: baud rate control, value N gives 9600 × N baud, N in 1..12. */
    public static final int PARAMETER_BAUD_FACTOR = 4;
    /** SetSysPara parameter number 5: security level 1..5. */
    public static final int PARAMETER_SECURITY_LEVEL = 5;
    /** SetSysPara parameter number 6: data package length code 0..3 for 32, 64, 128, 256 bytes. */
    public static final int PARAMETER_PACKET_SIZE = 6;

    private Commands() {
    }

    /**
     * VfyPwd (0x13): verify the four-byte password, big-endian.
     *
     * @param address  module address
     * @param password 32-bit password, 0 by default
     * @return the command packet
     */
    public static Packet verifyPassword(int address, int password) {
        return command(address, Instruction.VFY_PWD,
                (byte) (password >>> 24), (byte) (password >>> 16), (byte) (password >>> 8), (byte) password);
    }

    /**
     * ReadSysPara (0x0F).
     *
     * @param address module address
     * @return the command packet
     */
    public static Packet readSystemParameters(int address) {
        return command(address, Instruction.READ_SYS_PARA);
    }

    /**
     * SetSysPara (0x0E): set one parameter.
     *
     * @param address   module address
     * @param parameter {@link #PARAMETER_BAUD_FACTOR}, {@link #PARAMETER_SECURITY_LEVEL} or
     *                  {@link #PARAMETER_PACKET_SIZE}
     * @param value     the new value
     * @return the command packet
     * @throws IllegalArgumentException if the value is out of range for the parameter
     */
    public static Packet setSystemParameter(int address, int parameter, int value) {
        int[] range = switch (parameter) {
            case PARAMETER_BAUD_FACTOR -> new int[] {1, 12};
            case PARAMETER_SECURITY_LEVEL -> new int[] {1, 5};
            case PARAMETER_PACKET_SIZE -> new int[] {0, 3};
            default -> throw new IllegalArgumentException("unknown system parameter " + parameter);
        };
        if (value < range[0] || value > range[1]) {
            throw new IllegalArgumentException("value " + value + " out of range for parameter " + parameter);
        }
        return command(address, Instruction.SET_SYS_PARA, (byte) parameter, (byte) value);
    }

    /**
     * GenImg (0x01): take an image if a finger is present.
     *
     * @param address module address
     * @return the command packet
     */
    public static Packet generateImage(int address) {
        return command(address, Instruction.GEN_IMG);
    }

    /**
     * UpImage (0x0A): upload the image buffer.
     *
     * @param address module address
     * @return the command packet
     */
    public static Packet uploadImage(int address) {
        return command(address, Instruction.UP_IMAGE);
    }

    /**
     * DownImage (0x0B): prepare to receive an image from the host.
     *
     * @param address module address
     * @return the command packet
     */
    public static Packet downloadImage(int address) {
        return command(address, Instruction.DOWN_IMAGE);
    }

    /**
     * Img2Tz (0x02): generate a character file into a buffer.
     *
     * @param address    module address
     * @param charBuffer 1 or 2
     * @return the command packet
     */
    public static Packet imageToCharacterFile(int address, int charBuffer) {
        if (charBuffer != 1 && charBuffer != 2) {
            throw new IllegalArgumentException("character buffer must be 1 or 2");
        }
        return command(address, Instruction.IMG2TZ, (byte) charBuffer);
    }

    /**
     * TempleteNum (0x1D): read the number of stored templates.
     *
     * @param address module address
     * @return the command packet
     */
    public static Packet templateCount(int address) {
        return command(address, Instruction.TEMPLETE_NUM);
    }

    /**
     * ReadProdInfo (0x3C, R503 manual): module type, batch and serial number, versions, sensor type and image size.
     *
     * @param address module address
     * @return the command packet
     */
    public static Packet readProductInformation(int address) {
        return command(address, Instruction.READ_PROD_INFO);
    }

    /**
     * SoftRst (0x3D, R503 manual): the module answers, restarts and sends 0x55 when it is ready again.
     *
     * @param address module address
     * @return the command packet
     */
    public static Packet softReset(int address) {
        return command(address, Instruction.SOFT_RST);
    }

    /**
     * Any instruction with raw parameters, for the probe and tests.
     *
     * @param address     module address
     * @param instruction the instruction
     * @param parameters  its parameter bytes as the manual lists them
     * @return the command packet
     */
    public static Packet command(int address, Instruction instruction, byte... parameters) {
        byte[] payload = new byte[1 + parameters.length];
        payload[0] = (byte) instruction.code();
        System.arraycopy(parameters, 0, payload, 1, parameters.length);
        return new Packet(address, PacketType.COMMAND, payload);
    }
}
