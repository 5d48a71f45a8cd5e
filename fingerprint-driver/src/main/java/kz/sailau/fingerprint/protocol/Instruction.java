package kz.sailau.fingerprint.protocol;

/**
 * Instruction codes, the first payload byte of a command packet (user manual, "Module instruction system"; the
 * R503 additions from the R503 user manual). The driver uses a few; the emulator answers all of them.
 */
public enum Instruction {
    /** 0x01 GenImg: detect a finger and store its image in the image buffer. */
    GEN_IMG(0x01),
    /** 0x02 Img2Tz (GenChar): generate a character file from the image buffer into CharBuffer 1 or 2. */
    IMG2TZ(0x02),
    /** 0x03 Match: compare CharBuffer 1 with CharBuffer 2; returns a score. */
    MATCH(0x03),
    /** 0x04 Search: search the library for the character file of a buffer; returns page and score. */
    SEARCH(0x04),
    /** 0x05 RegModel: combine CharBuffer 1 and 2 into a template. */
    REG_MODEL(0x05),
    /** 0x06 Store: store the template of a buffer at a page of the library. */
    STORE(0x06),
    /** 0x07 LoadChar: load a template of the library into a buffer. */
    LOAD_CHAR(0x07),
    /** 0x08 UpChar: upload the character file of a buffer as data packets. */
    UP_CHAR(0x08),
    /** 0x09 DownChar: download a character file from the host into a buffer. */
    DOWN_CHAR(0x09),
    /** 0x0A UpImage: upload the image buffer to the host as data packets. */
    UP_IMAGE(0x0A),
    /** 0x0B DownImage: download an image from the host into the image buffer. */
    DOWN_IMAGE(0x0B),
    /** 0x0C DeletChar: delete a run of templates (the manual's spelling). */
    DELET_CHAR(0x0C),
    /** 0x0D Empty: delete every template of the library. */
    EMPTY(0x0D),
    /** 0x0E SetSysPara: set one system parameter (4 baud factor, 5 security level, 6 packet size). */
    SET_SYS_PARA(0x0E),
    /** 0x0F ReadSysPara: read the sixteen bytes of system parameters. */
    READ_SYS_PARA(0x0F),
    /** 0x12 SetPwd: set the handshake password (kept in flash). */
    SET_PWD(0x12),
    /** 0x13 VfyPwd: verify the 32-bit handshake password (default 0). */
    VFY_PWD(0x13),
    /** 0x14 GetRandomCode: a 32-bit number from the module's random generator. */
    GET_RANDOM_CODE(0x14),
    /** 0x15 SetAdder: set the module address (the manual's spelling); answered from the new address. */
    SET_ADDER(0x15),
    /** 0x18 WriteNotepad: write one 32-byte page of the notepad. */
    WRITE_NOTEPAD(0x18),
    /** 0x19 ReadNotepad: read one 32-byte page of the notepad. */
    READ_NOTEPAD(0x19),
    /** 0x1D TempleteNum: read the number of stored templates (the manual's spelling). */
    TEMPLETE_NUM(0x1D),
    /** 0x1F ReadIndexTable (ReadConList): which of 256 pages hold a template, one bit each. */
    READ_INDEX_TABLE(0x1F),
    /** 0x35 AuraLedConfig (R503): ring light control, speed, colour, count. */
    AURA_LED_CONFIG(0x35),
    /** 0x3C ReadProdInfo (R503): module type, batch, serial, versions, sensor type and image size. */
    READ_PROD_INFO(0x3C),
    /** 0x3D SoftRst (R503): restart; the module sends 0x55 when ready again. */
    SOFT_RST(0x3D),
    /** 0x40 HandShake (R503): answers 0x00 when the module works normally. */
    HAND_SHAKE(0x40);

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
     * @return the instruction, or {@code null} if it is not one of the listed ones
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
