package kz.sailau.fingerprint.protocol;

/**
 * Instruction codes, the first payload byte of a command packet (user manual, "Module instruction system").
 * Only the subset the kiosk uses is listed.
 */
public enum Instruction {
    /** 0x01 GenImg: detect a finger and store its image in the image buffer. */
    GEN_IMG(0x01),
    /** 0x02 Img2Tz: generate a character file from the image buffer into CharBuffer 1 or 2. */
    IMG2TZ(0x02),
    /** 0x0A UpImage: upload the image buffer to the host as data packets. */
    UP_IMAGE(0x0A),
    /** 0x0B DownImage: download an image from the host into the image buffer. */
    DOWN_IMAGE(0x0B),
    /** 0x0E SetSysPara: set one system parameter (4 baud factor, 5 security level, 6 packet size). */
    SET_SYS_PARA(0x0E),
    /** 0x0F ReadSysPara: read the sixteen bytes of system parameters. */
    READ_SYS_PARA(0x0F),
    /** 0x13 VfyPwd: verify the 32-bit handshake password (default 0). */
    VFY_PWD(0x13),
    /** 0x1D TempleteNum: read the number of stored templates (the manual's spelling). */
    TEMPLETE_NUM(0x1D);

    private final int code;

    Instruction(int code) {
        this.code = code;
    }

    /**
     * Returns the instruction code.
     *
     * @return the byte value
     */
    public int code() {
        return code;
    }

    /**
     * Looks up an instruction code.
     *
     * @param code byte value
     * @return the instruction, or {@code null} if it is not one of the supported subset
     */
    public static Instruction ofCode(int code) {
        for (Instruction instruction : values()) {
            if (instruction.code == code) {
                return instruction;
            }
        }
        return null;
    }
}
