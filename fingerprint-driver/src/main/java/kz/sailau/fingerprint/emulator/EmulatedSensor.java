package kz.sailau.fingerprint.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import kz.sailau.fingerprint.MalformedPacketException;
import kz.sailau.fingerprint.SensorParameters;
import kz.sailau.fingerprint.SensorProfile;
import kz.sailau.fingerprint.protocol.Acknowledgement;
import kz.sailau.fingerprint.protocol.ConfirmationCode;
import kz.sailau.fingerprint.protocol.ImageAssembler;
import kz.sailau.fingerprint.protocol.ImageTransfer;
import kz.sailau.fingerprint.protocol.Instruction;
import kz.sailau.fingerprint.protocol.Packet;
import kz.sailau.fingerprint.protocol.PacketType;
import kz.sailau.fingerprint.protocol.SensorImage;
import kz.sailau.fingerprint.protocol.SystemParameterCodec;

/**
 * A module of the R30x / ZFM / AS608 family as a pure state machine: packets in, {@link SensorReply replies} out,
 * no I/O, no threads, no clock. {@link ScannerEmulator} puts it on a pseudo-terminal; tests may drive it directly.
 *
 * <p>It behaves like its {@link SensorProfile}: image geometry, accepted baud factors (others are refused with 0x1B,
 * "incorrect configuration of register"; an unknown parameter number is 0x1A), settings that apply at once or only
 * after a restart, the 0x55 ready byte, the extra instructions and the answer to an unsupported one. The image
 * buffer holds 8-bit pixels and UpImage sends their upper four bits (the manuals' pixel model).
 *
 * <p>State kept "in flash" (survives {@link #powerOn()}): password, address, system parameters, template library,
 * notepad. State in RAM (lost at power-on): image buffer, character buffers, password verified, pending downloads.
 *
 * <p>Instructions (manual section "Module instruction system"): GenImg, Img2Tz (0x06 / 0x07 for images without
 * usable ridges, see {@link FeatureSketch}), Match, Search, RegModel, Store, LoadChar, UpChar, DownChar, UpImage,
 * DownImage, DeletChar, Empty, SetSysPara, ReadSysPara, SetPwd, VfyPwd, GetRandomCode, SetAdder, WriteNotepad,
 * ReadNotepad, TempleteNum, ReadIndexTable, and per profile AuraLedConfig, ReadProdInfo, SoftRst, HandShake.
 *
 * <p>Thread-safe: every method is synchronized.
 */
public final class EmulatedSensor {

    /** The byte a module of the R503 kind sends when it has started (R503 manual, "Power-on delay time"). */
    public static final int READY_BYTE = 0x55;
    /** Notepad pages of 32 bytes (manual, "Notepad": 512 bytes in 16 pages). */
    static final int NOTEPAD_PAGES = 16;
    private static final int NOTEPAD_PAGE_BYTES = 32;
    private static final int CHAR_BUFFERS = 2;

    private final SensorProfile profile;
    private final FingerSource source;
    private final RandomGenerator random;

    // "flash"
    private int password;
    private int address;
    private int baudRate;
    private int packetSize;
    private int securityLevel = 3;
    private int pendingBaudRate;
    private int pendingPacketSize;
    private int pendingSecurityLevel;
    private final FeatureSketch[] library;
    private final byte[][] notepad = new byte[NOTEPAD_PAGES][NOTEPAD_PAGE_BYTES];

    // RAM
    private byte[] imageBuffer;
    private final FeatureSketch[] charBuffers = new FeatureSketch[CHAR_BUFFERS + 1];
    private boolean passwordVerified;
    private ImageAssembler download;
    private int downloadCharBuffer;
    private byte[] presentedFinger;
    private int noFingerPolls;
    private int[] auraLed = new int[4];

    /**
     * Creates a module in its factory state, not yet powered on.
     *
     * @param profile    the model
     * @param password   the handshake password (0 from the factory)
     * @param address    the module address ({@link Packet#DEFAULT_ADDRESS} from the factory)
     * @param baudRate   the line speed it starts at; must be one the profile accepts
     * @param packetSize the data packet size, 32, 64, 128 or 256
     * @param source     what GenImg finds when no finger is presented
     * @param random     the random generator behind GetRandomCode
     * @throws IllegalArgumentException if the profile does not accept the baud rate or the packet size is invalid
     */
    public EmulatedSensor(SensorProfile profile, int password, int address, int baudRate, int packetSize,
                          FingerSource source, RandomGenerator random) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.source = Objects.requireNonNull(source, "source");
        this.random = Objects.requireNonNull(random, "random");
        if (!profile.acceptsBaudRate(baudRate)) {
            throw new IllegalArgumentException(profile.id() + " does not run at " + baudRate + " baud; it takes "
                    + profile.baudRates());
        }
        SystemParameterCodec.packetSizeCode(packetSize);
        this.password = password;
        this.address = address;
        this.baudRate = baudRate;
        this.packetSize = packetSize;
        this.pendingBaudRate = baudRate;
        this.pendingPacketSize = packetSize;
        this.pendingSecurityLevel = securityLevel;
        this.library = new FeatureSketch[profile.librarySize()];
    }

    /**
     * Powers the module on (or again): RAM is cleared, settings written with SetSysPara since the last start apply.
     *
     * @return what the module sends by itself once started: the 0x55 ready byte if the profile has one
     */
    public synchronized Optional<SensorReply> powerOn() {
        baudRate = pendingBaudRate;
        packetSize = pendingPacketSize;
        securityLevel = pendingSecurityLevel;
        imageBuffer = null;
        Arrays.fill(charBuffers, null);
        passwordVerified = false;
        download = null;
        if (!profile.readyByteAtPowerOn()) {
            return Optional.empty();
        }
        return Optional.of(new SensorReply(-1, List.of(new byte[] {(byte) READY_BYTE}), false, baudRate));
    }

    /**
     * Answers a packet whose checksum was wrong: "error when receiving package" (0x01).
     *
     * @return the acknowledgement
     */
    public synchronized SensorReply receiveError() {
        return answer(-1, ConfirmationCode.RECEIVE_ERROR);
    }

    /**
     * Handles one packet that arrived intact.
     *
     * @param packet the packet
     * @return the replies to send, in order; empty when the module stays silent (a packet for another address,
     *         or a data packet in the middle of a download)
     */
    public synchronized List<SensorReply> handle(Packet packet) {
        Objects.requireNonNull(packet, "packet");
        if (packet.address() != address) {
            return List.of();
        }
        if (packet.type() == PacketType.DATA || packet.type() == PacketType.END_OF_DATA) {
            return receiveData(packet);
        }
        if (packet.type() != PacketType.COMMAND || packet.payloadLength() == 0) {
            return List.of();
        }
        int code = packet.payloadByte(0);
        Instruction instruction = Instruction.ofCode(code);
        if (instruction == null || !available(instruction)) {
            return List.of(answer(code, profile.unsupportedAnswer()));
        }
        if (password != 0 && !passwordVerified && instruction != Instruction.VFY_PWD) {
            return List.of(answer(code, ConfirmationCode.MUST_VERIFY_PASSWORD));
        }
        try {
            return execute(instruction, new Parameters(packet));
        } catch (IndexOutOfBoundsException e) {
            return List.of(answer(code, ConfirmationCode.RECEIVE_ERROR));
        }
    }

    private boolean available(Instruction instruction) {
        return switch (instruction) {
            case AURA_LED_CONFIG, READ_PROD_INFO, SOFT_RST, HAND_SHAKE ->
                    profile.extraInstructions().contains(instruction.code());
            default -> true;
        };
    }

    private List<SensorReply> execute(Instruction instruction, Parameters in) {
        int code = instruction.code();
        return switch (instruction) {
            case VFY_PWD -> {
                passwordVerified = in.u32(1) == password;
                yield one(code, passwordVerified ? ConfirmationCode.OK : ConfirmationCode.WRONG_PASSWORD);
            }
            case SET_PWD -> {
                password = in.u32(1);
                yield one(code, ConfirmationCode.OK);
            }
            case SET_ADDER -> {
                address = in.u32(1);
                yield one(code, ConfirmationCode.OK);
            }
            case READ_SYS_PARA -> List.of(answer(code, ConfirmationCode.OK.code(),
                    SystemParameterCodec.encode(parameters())));
            case SET_SYS_PARA -> setSystemParameter(code, in.u8(1), in.u8(2));
            case TEMPLETE_NUM -> List.of(answer(code, ConfirmationCode.OK.code(), u16(templateCount())));
            case READ_INDEX_TABLE -> List.of(answer(code, ConfirmationCode.OK.code(), indexTable(in.u8(1))));
            case GEN_IMG -> one(code, generateImage());
            case IMG2TZ -> one(code, imageToCharacterFile(in.u8(1)));
            case MATCH -> match(code);
            case SEARCH -> search(code, in.u8(1), in.u16(2), in.u16(4));
            case REG_MODEL -> one(code, registerModel());
            case STORE -> one(code, store(in.u8(1), in.u16(2)));
            case LOAD_CHAR -> one(code, loadCharacterFile(in.u8(1), in.u16(2)));
            case DELET_CHAR -> one(code, delete(in.u16(1), in.u16(3)));
            case EMPTY -> {
                Arrays.fill(library, null);
                yield one(code, ConfirmationCode.OK);
            }
            case UP_IMAGE -> uploadImage(code);
            case DOWN_IMAGE -> {
                download = new ImageAssembler(profile.packedImageBytes());
                downloadCharBuffer = 0;
                yield one(code, ConfirmationCode.OK);
            }
            case UP_CHAR -> uploadCharacterFile(code, in.u8(1));
            case DOWN_CHAR -> {
                int buffer = in.u8(1);
                if (buffer < 1 || buffer > CHAR_BUFFERS) {
                    yield one(code, ConfirmationCode.CANNOT_RECEIVE);
                }
                download = new ImageAssembler(FeatureSketch.FILE_BYTES);
                downloadCharBuffer = buffer;
                yield one(code, ConfirmationCode.OK);
            }
            case GET_RANDOM_CODE -> List.of(answer(code, ConfirmationCode.OK.code(), u32(random.nextInt())));
            case WRITE_NOTEPAD -> {
                int page = in.u8(1);
                if (page >= NOTEPAD_PAGES) {
                    yield one(code, ConfirmationCode.WRONG_NOTEPAD_PAGE);
                }
                notepad[page] = in.bytes(2, NOTEPAD_PAGE_BYTES);
                yield one(code, ConfirmationCode.OK);
            }
            case READ_NOTEPAD -> {
                int page = in.u8(1);
                yield page >= NOTEPAD_PAGES ? one(code, ConfirmationCode.WRONG_NOTEPAD_PAGE)
                        : List.of(answer(code, ConfirmationCode.OK.code(), notepad[page].clone()));
            }
            case AURA_LED_CONFIG -> {
                auraLed = new int[] {in.u8(1), in.u8(2), in.u8(3), in.u8(4)};
                yield one(code, ConfirmationCode.OK);
            }
            case READ_PROD_INFO -> List.of(answer(code, ConfirmationCode.OK.code(), productInformation()));
            case SOFT_RST -> {
                List<SensorReply> replies = new ArrayList<>(one(code, ConfirmationCode.OK));
                powerOn().ifPresent(replies::add);
                yield replies;
            }
            case HAND_SHAKE -> one(code, ConfirmationCode.OK);
        };
    }

    private List<SensorReply> setSystemParameter(int code, int parameter, int value) {
        boolean known = parameter == 4 || parameter == 5 || parameter == 6;
        if (!known) {
            return one(code, ConfirmationCode.INVALID_REGISTER);
        }
        boolean valid = switch (parameter) {
            case 4 -> profile.baudFactors().contains(value);
            case 5 -> value >= 1 && value <= 5;
            default -> value <= 3;
        };
        if (!valid) {
            return one(code, ConfirmationCode.INCORRECT_CONFIGURATION);
        }
        // The acknowledgement still goes out with the old settings (ZFM manual, "System configuration parameter":
        // "Module first responses with original configurations, then performs the parameter modification").
        List<SensorReply> replies = one(code, ConfirmationCode.OK);
        switch (parameter) {
            case 4 -> pendingBaudRate = value * SensorProfile.BAUD_UNIT;
            case 5 -> pendingSecurityLevel = value;
            default -> pendingPacketSize = SystemParameterCodec.packetSizeOfCode(value);
        }
        if (!profile.settingsApplyAfterRestart()) {
            baudRate = pendingBaudRate;
            securityLevel = pendingSecurityLevel;
            packetSize = pendingPacketSize;
        }
        return replies;
    }

    private ConfirmationCode generateImage() {
        byte[] finger;
        if (noFingerPolls > 0) {
            noFingerPolls--;
            finger = null;
        } else if (presentedFinger != null) {
            finger = presentedFinger;
        } else {
            try {
                finger = source.poll().map(image -> SensorImageFitter.raw(image, profile)).orElse(null);
            } catch (IOException e) {
                return ConfirmationCode.CAPTURE_FAILED;
            }
        }
        if (finger == null) {
            return ConfirmationCode.NO_FINGER;
        }
        imageBuffer = finger.clone();
        return ConfirmationCode.OK;
    }

    private ConfirmationCode imageToCharacterFile(int buffer) {
        if (imageBuffer == null) {
            return ConfirmationCode.NO_VALID_IMAGE;
        }
        if (buffer < 1 || buffer > CHAR_BUFFERS) {
            return ConfirmationCode.INVALID_REGISTER;
        }
        FeatureSketch sketch = FeatureSketch.of(imageBuffer, profile.imageWidth(), profile.imageHeight());
        return switch (sketch.quality()) {
            case DISORDERLY -> ConfirmationCode.IMAGE_TOO_DISORDERLY;
            case TOO_SMALL -> ConfirmationCode.IMAGE_TOO_SMALL;
            case GOOD -> {
                charBuffers[buffer] = sketch;
                yield ConfirmationCode.OK;
            }
        };
    }

    private List<SensorReply> match(int code) {
        if (charBuffers[1] == null || charBuffers[2] == null) {
            return List.of(answer(code, ConfirmationCode.NO_MATCH.code(), u16(0)));
        }
        int score = charBuffers[1].score(charBuffers[2]);
        boolean same = score >= FeatureSketch.threshold(securityLevel);
        return List.of(answer(code, (same ? ConfirmationCode.OK : ConfirmationCode.NO_MATCH).code(), u16(score)));
    }

    private List<SensorReply> search(int code, int buffer, int start, int count) {
        FeatureSketch probe = buffer >= 1 && buffer <= CHAR_BUFFERS ? charBuffers[buffer] : null;
        int bestPage = -1;
        int bestScore = 0;
        for (int page = start; probe != null && page < Math.min(library.length, start + count); page++) {
            if (library[page] != null) {
                int score = probe.score(library[page]);
                if (score > bestScore) {
                    bestScore = score;
                    bestPage = page;
                }
            }
        }
        if (bestPage < 0 || bestScore < FeatureSketch.threshold(securityLevel)) {
            // "No matching in the library (both the PageID and matching score are 0)" (R503 manual, Search).
            return List.of(answer(code, ConfirmationCode.NOT_FOUND.code(), concat(u16(0), u16(0))));
        }
        return List.of(answer(code, ConfirmationCode.OK.code(), concat(u16(bestPage), u16(bestScore))));
    }

    private ConfirmationCode registerModel() {
        if (charBuffers[1] == null || charBuffers[2] == null
                || charBuffers[1].score(charBuffers[2]) < FeatureSketch.threshold(securityLevel)) {
            return ConfirmationCode.COMBINE_FAILED;
        }
        charBuffers[2] = charBuffers[1];
        return ConfirmationCode.OK;
    }

    private ConfirmationCode store(int buffer, int page) {
        if (page >= library.length) {
            return ConfirmationCode.PAGE_OUT_OF_RANGE;
        }
        FeatureSketch template = buffer >= 1 && buffer <= CHAR_BUFFERS ? charBuffers[buffer] : null;
        if (template == null) {
            return ConfirmationCode.TEMPLATE_READ_ERROR;
        }
        library[page] = template;
        return ConfirmationCode.OK;
    }

    private ConfirmationCode loadCharacterFile(int buffer, int page) {
        if (page >= library.length) {
            return ConfirmationCode.PAGE_OUT_OF_RANGE;
        }
        if (library[page] == null || buffer < 1 || buffer > CHAR_BUFFERS) {
            return ConfirmationCode.TEMPLATE_READ_ERROR;
        }
        charBuffers[buffer] = library[page];
        return ConfirmationCode.OK;
    }

    private ConfirmationCode delete(int start, int count) {
        if (count < 1 || start + count > library.length) {
            return ConfirmationCode.DELETE_FAILED;
        }
        Arrays.fill(library, start, start + count, null);
        return ConfirmationCode.OK;
    }

    private List<SensorReply> uploadImage(int code) {
        if (imageBuffer == null) {
            return one(code, ConfirmationCode.IMAGE_UPLOAD_ERROR);
        }
        byte[] packed = new byte[imageBuffer.length / 2];
        for (int i = 0; i < packed.length; i++) {
            packed[i] = (byte) (SensorImage.sensorNibble(imageBuffer[2 * i] & 0xFF) << 4
                    | SensorImage.sensorNibble(imageBuffer[2 * i + 1] & 0xFF));
        }
        return List.of(transfer(code, packed, true));
    }

    private List<SensorReply> uploadCharacterFile(int code, int buffer) {
        FeatureSketch file = buffer >= 1 && buffer <= CHAR_BUFFERS ? charBuffers[buffer] : null;
        if (file == null) {
            return one(code, ConfirmationCode.TEMPLATE_UPLOAD_ERROR);
        }
        return List.of(transfer(code, file.bytes(), false));
    }

    private SensorReply transfer(int code, byte[] data, boolean image) {
        List<byte[]> frames = new ArrayList<>();
        frames.add(acknowledgement(ConfirmationCode.OK.code(), new byte[0]));
        for (Packet packet : ImageTransfer.packets(data, packetSize, address)) {
            frames.add(packet.encode());
        }
        return new SensorReply(code, frames, image, baudRate);
    }

    private List<SensorReply> receiveData(Packet packet) {
        if (download == null) {
            return List.of();
        }
        try {
            if (download.accept(packet)) {
                byte[] data = download.image();
                if (downloadCharBuffer == 0) {
                    imageBuffer = SensorImage.unpack(data, data.length);
                } else {
                    charBuffers[downloadCharBuffer] = FeatureSketch.ofFile(data);
                }
                download = null;
            }
            return List.of();
        } catch (MalformedPacketException e) {
            download = null;
            return List.of(answer(-1, ConfirmationCode.RECEIVE_ERROR));
        }
    }

    private byte[] indexTable(int page) {
        byte[] table = new byte[32];
        for (int bit = 0; bit < 256; bit++) {
            int index = page * 256 + bit;
            if (index < library.length && library[index] != null) {
                table[bit / 8] |= (byte) (1 << (bit % 8));
            }
        }
        return table;
    }

    /**
     * ReadProdInfo's 46 bytes (R503 manual, "Read product information"): module type (16 ASCII), batch number
     * (4 ASCII), serial number (8 ASCII), hardware main and sub version (1 + 1), sensor type (8 ASCII), sensor
     * image width and height (2 + 2), template size (2), database size (2).
     */
    private byte[] productInformation() {
        byte[] info = new byte[46];
        ascii(info, 0, 16, profile.model());
        ascii(info, 16, 4, "EMU1");
        ascii(info, 20, 8, "00000001");
        info[28] = 1;
        info[29] = 0;
        ascii(info, 30, 8, "EMULATED");
        System.arraycopy(u16(profile.imageWidth()), 0, info, 38, 2);
        System.arraycopy(u16(profile.imageHeight()), 0, info, 40, 2);
        System.arraycopy(u16(FeatureSketch.FILE_BYTES), 0, info, 42, 2);
        System.arraycopy(u16(profile.librarySize()), 0, info, 44, 2);
        return info;
    }

    private static void ascii(byte[] target, int offset, int length, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, target, offset, Math.min(length, bytes.length));
    }

    /**
     * Puts a finger on the sensor until {@link #liftFinger()}.
     *
     * @param gray 8-bit pixels of the profile's geometry, as {@link SensorImageFitter#raw} makes them
     */
    public synchronized void presentFinger(byte[] gray) {
        if (gray.length != profile.imagePixels()) {
            throw new IllegalArgumentException("expected " + profile.imagePixels() + " pixels, got " + gray.length);
        }
        presentedFinger = gray.clone();
    }

    /** Lifts the presented finger; GenImg asks the finger source again. */
    public synchronized void liftFinger() {
        presentedFinger = null;
    }

    /**
     * Makes the next GenImg polls find no finger, whatever is presented.
     *
     * @param polls how many
     */
    public synchronized void forceNoFinger(int polls) {
        noFingerPolls += polls;
    }

    /**
     * Returns the system parameters ReadSysPara reports now.
     *
     * @return the parameters
     */
    public synchronized SensorParameters parameters() {
        int status = (imageBuffer != null ? 0b1000 : 0) | (passwordVerified ? 0b0100 : 0);
        return new SensorParameters(status, profile.systemIdentifier(), profile.librarySize(), securityLevel, address,
                packetSize, baudRate);
    }

    /**
     * Returns the line speed the module runs at now.
     *
     * @return baud
     */
    public synchronized int baudRate() {
        return baudRate;
    }

    /**
     * Returns how many templates the library holds.
     *
     * @return the count
     */
    public synchronized int templateCount() {
        return (int) Arrays.stream(library).filter(Objects::nonNull).count();
    }

    /**
     * Returns the last AuraLedConfig: control, speed, colour index, count.
     *
     * @return four values, all 0 before the first command
     */
    public synchronized int[] auraLed() {
        return auraLed.clone();
    }

    /**
     * Returns the model.
     *
     * @return the profile
     */
    public SensorProfile profile() {
        return profile;
    }

    private List<SensorReply> one(int code, ConfirmationCode confirmation) {
        return List.of(answer(code, confirmation));
    }

    private SensorReply answer(int code, ConfirmationCode confirmation) {
        return answer(code, confirmation.code());
    }

    private SensorReply answer(int code, int confirmation) {
        return answer(code, confirmation, new byte[0]);
    }

    private SensorReply answer(int code, int confirmation, byte[] parameters) {
        return new SensorReply(code, List.of(acknowledgement(confirmation, parameters)), false, baudRate);
    }

    private byte[] acknowledgement(int confirmation, byte[] parameters) {
        return new Acknowledgement(confirmation, parameters).toPacket(address).encode();
    }

    private static byte[] u16(int value) {
        return new byte[] {(byte) (value >>> 8), (byte) value};
    }

    private static byte[] u32(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** Reads the parameter bytes of a command packet; a short packet throws {@link IndexOutOfBoundsException}. */
    private static final class Parameters {
        private final Packet packet;

        Parameters(Packet packet) {
            this.packet = packet;
        }

        int u8(int index) {
            return packet.payloadByte(index);
        }

        int u16(int index) {
            return u8(index) << 8 | u8(index + 1);
        }

        int u32(int index) {
            return u16(index) << 16 | u16(index + 2);
        }

        byte[] bytes(int from, int length) {
            if (packet.payloadLength() < from + length) {
                throw new IndexOutOfBoundsException("short packet");
            }
            return Arrays.copyOfRange(packet.payload(), from, from + length);
        }
    }
}
