package kz.sailau.kiosk.app;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import kz.sailau.fingerprint.SensorProfile;
import kz.sailau.kiosk.devices.MrzReaderProfile;
import kz.sailau.kiosk.devices.printer.PrinterProfile;
import kz.sailau.kiosk.model.PrintableText;
import kz.sailau.kiosk.ui.RemovableMedia;

/**
 * The kiosk's one configuration record, read from one JSON file given to {@code start --config}
 * ({@code /etc/sailau/kiosk.json} in a deployment; not the {@code kiosk-profile.json} that
 * {@code kiosk init} writes into the data directory). Every field has a default that makes the demo work;
 * a file only names what differs.
 * Unknown keys are refused, so a typo cannot silently fall back to a default.
 *
 * @param dataDirectory        where the store, keys and audit log live
 * @param election             the election identifier, as in the register package
 * @param precinct             this kiosk's precinct number
 * @param electionDay          the day of the election (ages and document expiry are judged on it)
 * @param scanner              the fingerprint scanner's serial port
 * @param mrzReader            the identity card reader's serial port
 * @param printer              the receipt printer's serial port
 * @param matchThreshold       SourceAFIS score at or above which a finger matches (docs/decisions)
 * @param maxFingerTries       captures a voter may try before a clerk is called
 * @param overrideCapPercent   clerk overrides allowed, as a percentage of check-ins
 * @param overrideWarnPercent  percentage at which the clerk console warns of the cap
 * @param idleTimeoutSeconds   seconds after which a voter screen returns to the start
 * @param fullScreen           production kiosk mode: full screen, no decorations
 * @param removableMedia       mount-point patterns of the removable media the administrator's file choices list
 *                             (e.g. {@code /media/*}{@code /*}; see {@link RemovableMedia})
 * @param tokenScreenSeconds   seconds the token screen stays once its receipt printed (the next card clears it)
 * @param precinctNode         the node directory when the kiosk is a node of its precinct network
 *                             ({@code "precinctNetwork": {"node": "/var/lib/sailau/node"}}; see {@link PrecinctKiosk});
 *                             empty for a standalone kiosk (the default: no network, no listening port)
 */
public record KioskConfiguration(
        Path dataDirectory,
        String election,
        int precinct,
        LocalDate electionDay,
        SerialPortSetting scanner,
        SerialPortSetting mrzReader,
        SerialPortSetting printer,
        double matchThreshold,
        int maxFingerTries,
        double overrideCapPercent,
        double overrideWarnPercent,
        int idleTimeoutSeconds,
        boolean fullScreen,
        List<String> removableMedia,
        int tokenScreenSeconds,
        Optional<Path> precinctNode) {

    /** The token screen's default time, {@value} s. */
    public static final int DEFAULT_TOKEN_SCREEN_SECONDS = 15;

    /** Copies the mount-point patterns; absent means the standard ones. A null node directory means standalone. */
    public KioskConfiguration {
        removableMedia = removableMedia == null ? RemovableMedia.STANDARD_MOUNT_POINTS : List.copyOf(removableMedia);
        precinctNode = precinctNode == null ? Optional.empty() : precinctNode;
    }

    /** A standalone kiosk's configuration (no precinct network). */
    public KioskConfiguration(Path dataDirectory, String election, int precinct, LocalDate electionDay,
                              SerialPortSetting scanner, SerialPortSetting mrzReader, SerialPortSetting printer,
                              double matchThreshold, int maxFingerTries, double overrideCapPercent,
                              double overrideWarnPercent, int idleTimeoutSeconds, boolean fullScreen,
                              List<String> removableMedia, int tokenScreenSeconds) {
        this(dataDirectory, election, precinct, electionDay, scanner, mrzReader, printer, matchThreshold,
                maxFingerTries, overrideCapPercent, overrideWarnPercent, idleTimeoutSeconds, fullScreen,
                removableMedia, tokenScreenSeconds, Optional.empty());
    }

    /** The same configuration as a node of its precinct network, its node directory {@code node}. */
    public KioskConfiguration asPrecinctNode(Path node) {
        return new KioskConfiguration(dataDirectory, election, precinct, electionDay, scanner, mrzReader, printer,
                matchThreshold, maxFingerTries, overrideCapPercent, overrideWarnPercent, idleTimeoutSeconds,
                fullScreen, removableMedia, tokenScreenSeconds, Optional.of(Objects.requireNonNull(node, "node")));
    }

    /**
     * A configuration with the standard removable-media mount points ({@link RemovableMedia#STANDARD_MOUNT_POINTS})
     * and the default token screen time.
     */
    public KioskConfiguration(Path dataDirectory, String election, int precinct, LocalDate electionDay,
                              SerialPortSetting scanner, SerialPortSetting mrzReader, SerialPortSetting printer,
                              double matchThreshold, int maxFingerTries, double overrideCapPercent,
                              double overrideWarnPercent, int idleTimeoutSeconds, boolean fullScreen) {
        this(dataDirectory, election, precinct, electionDay, scanner, mrzReader, printer, matchThreshold,
                maxFingerTries, overrideCapPercent, overrideWarnPercent, idleTimeoutSeconds, fullScreen,
                RemovableMedia.STANDARD_MOUNT_POINTS);
    }

    /** A configuration with the default token screen time. */
    public KioskConfiguration(Path dataDirectory, String election, int precinct, LocalDate electionDay,
                              SerialPortSetting scanner, SerialPortSetting mrzReader, SerialPortSetting printer,
                              double matchThreshold, int maxFingerTries, double overrideCapPercent,
                              double overrideWarnPercent, int idleTimeoutSeconds, boolean fullScreen,
                              List<String> removableMedia) {
        this(dataDirectory, election, precinct, electionDay, scanner, mrzReader, printer, matchThreshold,
                maxFingerTries, overrideCapPercent, overrideWarnPercent, idleTimeoutSeconds, fullScreen,
                removableMedia, DEFAULT_TOKEN_SCREEN_SECONDS);
    }

    /** Name of the configuration file inside the data directory. */
    public static final String FILE_NAME = "kiosk.json";

    /** The largest configuration file read (the full sample is about 1 KB); a bigger one is refused unread. */
    public static final int MAX_FILE_BYTES = 1 << 20;

    /**
     * The precinct network entry of {@code kiosk.json}: {@code {"node": "/var/lib/sailau/node"}}.
     *
     * @param node the node directory ({@code node init --dir})
     */
    public record PrecinctNetworkSetting(String node) {
        /** @throws IllegalArgumentException when the node directory is missing or blank */
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public PrecinctNetworkSetting(@JsonProperty("node") String node) {
            if (node == null || node.isBlank()) {
                throw new IllegalArgumentException("node must name the node directory");
            }
            try {
                Path.of(node);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("node is not a path");
            }
            this.node = node;
        }
    }

    /**
     * A serial port, its speed and the device model on it.
     *
     * @param port    the device path, e.g. {@code /dev/sailau-scanner} or {@code /dev/ttyUSB0}
     * @param baud    the line speed
     * @param profile the model from the device's catalogue ({@code SensorProfile}, {@code MrzReaderProfile},
     *                {@code PrinterProfile} ids, e.g. {@code r503}), or {@code null} for the device's default
     */
    public record SerialPortSetting(String port, int baud, String profile) {
        /** Checks the port is present; a blank profile means the default. */
        @JsonCreator
        public SerialPortSetting {
            Objects.requireNonNull(port, "port");
            profile = profile == null || profile.isBlank() ? null : profile.strip();
        }

        /**
         * A setting with the device's default model.
         *
         * @param port the device path
         * @param baud the line speed
         */
        public SerialPortSetting(String port, int baud) {
            this(port, baud, null);
        }
    }

    /** The defaults: the demo data directory, demo election, precinct 101, udev names of the devices. */
    public static KioskConfiguration defaults() {
        return new KioskConfiguration(Path.of("demo-data"), "DEMO-2026", 101, LocalDate.of(2026, 12, 6),
                new SerialPortSetting("/dev/sailau-scanner", 57_600),
                new SerialPortSetting("/dev/sailau-mrz", 9_600),
                new SerialPortSetting("/dev/sailau-printer", 19_200),
                48.0, 3, 5.0, 4.0, 60, false);
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** At most 20 characters of a value, as {@link PrintableText} shows it, for a one-line message. */
    private static String printable(String value) {
        return PrintableText.of(value.length() > 20 ? value.substring(0, 20) + "..." : value);
    }

    /** Everything wrong with the values, each a sentence naming the key; empty when all is well. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (dataDirectory == null) {
            problems.add("dataDirectory: missing");
        }
        if (election == null || !election.matches("[A-Z0-9][A-Z0-9-]{0,31}")) {
            problems.add("election: must be 1-32 characters of A-Z, 0-9 and '-'");
        }
        if (precinct < 1 || precinct > 999_999) {
            problems.add("precinct: must be 1..999999");
        }
        if (electionDay == null) {
            problems.add("electionDay: missing (yyyy-MM-dd)");
        }
        checkPort("scanner", scanner, problems);
        checkPort("mrzReader", mrzReader, problems);
        checkPort("printer", printer, problems);
        if (!(matchThreshold >= 20 && matchThreshold <= 200)) {
            problems.add("matchThreshold: must be 20..200 (SourceAFIS score)");
        }
        if (maxFingerTries < 1 || maxFingerTries > 5) {
            problems.add("maxFingerTries: must be 1..5");
        }
        if (!(overrideCapPercent >= 0 && overrideCapPercent <= 100)) {
            problems.add("overrideCapPercent: must be 0..100");
        }
        if (!(overrideWarnPercent >= 0 && overrideWarnPercent <= overrideCapPercent)) {
            problems.add("overrideWarnPercent: must be 0..overrideCapPercent");
        }
        if (idleTimeoutSeconds < 10 || idleTimeoutSeconds > 600) {
            problems.add("idleTimeoutSeconds: must be 10..600");
        }
        if (tokenScreenSeconds < 5 || tokenScreenSeconds > 120) {
            problems.add("tokenScreenSeconds: must be 5..120");
        }
        for (String pattern : removableMedia) {
            if (pattern == null || !pattern.startsWith("/")) {
                problems.add("removableMedia: each mount-point pattern must be an absolute path, e.g. /media/*/*");
                break;
            }
            if (!isGlob(pattern)) {
                problems.add("removableMedia: '" + pattern
                        + "' is not a valid pattern (use * and ? within a folder name)");
                break;
            }
        }
        if (precinctNode.isPresent() && !precinctNode.get().isAbsolute()) {
            problems.add("precinctNetwork.node: must be the absolute path of the node directory, e.g. "
                    + "/var/lib/sailau/node");
        }
        return problems;
    }

    /**
     * The line speeds of the default fingerprint scanner: 9600 × N baud, N in 1..12 (ZFM-20 user manual, SetSysPara
     * parameter 4); other models take fewer ({@link SensorProfile#baudRates()}).
     */
    public static final List<Integer> SCANNER_BAUD_RATES = SensorProfile.DEFAULT.baudRates();

    /** The card reader's and the printer's line speeds: the standard rates their serial interfaces offer. */
    public static final List<Integer> SERIAL_BAUD_RATES = List.of(9_600, 19_200, 38_400, 57_600, 115_200);

    /** The speeds the device under {@code key} ({@code scanner}, {@code mrzReader}, {@code printer}) supports. */
    public static List<Integer> baudRates(String key) {
        return baudRates(key, null);
    }

    /**
     * The speeds the device under {@code key} supports as the model {@code profile} (null: the default model).
     * An unknown scanner model offers the default model's speeds.
     */
    public static List<Integer> baudRates(String key, String profile) {
        if (!"scanner".equals(key)) {
            return SERIAL_BAUD_RATES;
        }
        return (profile == null ? Optional.of(SensorProfile.DEFAULT) : SensorProfile.byId(profile))
                .orElse(SensorProfile.DEFAULT).baudRates();
    }

    /** The model ids the device under {@code key} can be set to, the default first. */
    public static List<String> profiles(String key) {
        return switch (key) {
            case "scanner" -> SensorProfile.ids();
            case "mrzReader" -> MrzReaderProfile.ids();
            default -> PrinterProfile.ids();
        };
    }

    /** The fingerprint scanner's model. */
    public SensorProfile scannerProfile() {
        return scanner.profile() == null ? SensorProfile.DEFAULT : SensorProfile.byId(scanner.profile()).orElseThrow();
    }

    /** The identity card reader's model. */
    public MrzReaderProfile mrzReaderProfile() {
        return mrzReader.profile() == null ? MrzReaderProfile.DEFAULT
                : MrzReaderProfile.byId(mrzReader.profile()).orElseThrow();
    }

    /** The receipt printer's model. */
    public PrinterProfile printerProfile() {
        return printer.profile() == null ? PrinterProfile.DEFAULT : PrinterProfile.byId(printer.profile()).orElseThrow();
    }

    /** A setting naming the device's default model reads as one naming none: both mean the default. */
    static SerialPortSetting defaultModelAsNull(String key, SerialPortSetting setting) {
        if (setting == null || setting.profile() == null || !setting.profile().equals(profiles(key).get(0))) {
            return setting;
        }
        return new SerialPortSetting(setting.port(), setting.baud(), null);
    }

    /** Every component holding a wildcard compiles as the glob the removable-media listing makes of it. */
    private static boolean isGlob(String pattern) {
        if (pattern.indexOf('\0') >= 0) {
            return false;
        }
        for (String component : pattern.split("/")) {
            if (component.contains("*") || component.contains("?")) {
                try {
                    FileSystems.getDefault().getPathMatcher("glob:" + component);
                } catch (IllegalArgumentException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void checkPort(String key, SerialPortSetting setting, List<String> problems) {
        if (setting == null || setting.port().isBlank()) {
            problems.add(key + ".port: missing");
            return;
        }
        if (setting.port().indexOf('\0') >= 0) {
            problems.add(key + ".port: not a device path (it holds a NUL character)");
            return;
        }
        if (setting.profile() != null && !profiles(key).contains(setting.profile())) {
            problems.add(key + ".profile: must be one of " + profiles(key));
            return;
        }
        if (!baudRates(key, setting.profile()).contains(setting.baud())) {
            problems.add(key + ".baud: must be one of " + baudRates(key, setting.profile()));
        }
    }

    /**
     * Reads a configuration file; absent keys take the defaults.
     *
     * @throws ConfigurationException naming the file and every problem found
     */
    public static KioskConfiguration read(Path file) {
        Objects.requireNonNull(file, "file");
        byte[] bytes;
        try {
            if (Files.exists(file) && !Files.isDirectory(file) && !Files.isRegularFile(file)) {
                throw new ConfigurationException(file, List.of("not a regular file (a device, a pipe or a socket)"));
            }
            if (Files.isRegularFile(file) && Files.size(file) > MAX_FILE_BYTES) {
                throw new ConfigurationException(file, List.of("larger than " + MAX_FILE_BYTES
                        + " bytes: not a kiosk configuration"));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException(file, List.of("file not found"));
        } catch (IOException e) {
            throw new ConfigurationException(file, List.of("cannot be read: " + e.getMessage()));
        }
        KioskConfiguration configuration;
        String typedDay;
        try {
            ObjectMapper mapper = mapper();
            try (JsonParser parser = mapper.createParser(bytes)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new ConfigurationException(file, List.of("must be one JSON object {\"key\": value, ...}"));
                }
            }
            Builder read = mapper.readerForUpdating(new Builder(defaults())).readValue(bytes);
            typedDay = read.electionDay;
            configuration = read.build();
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigurationException(file, List.of("unknown key '" + printable(e.getPropertyName())
                    + "' (known keys: " + e.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", ")) + ")"));
        } catch (MismatchedInputException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
                throw new ConfigurationException(file, List.of("content after the configuration object at line "
                        + e.getLocation().getLineNr() + "; the file holds one object"));
            }
            throw new ConfigurationException(file, List.of("wrong value at " + path(e) + ": "
                    + (e.getTargetType() != null ? "expected " + kindOf(e.getTargetType()) : inWords(e))));
        } catch (JsonMappingException e) {
            throw new ConfigurationException(file, List.of("wrong value at " + path(e) + ": " + inWords(e)));
        } catch (JsonProcessingException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
                throw new ConfigurationException(file, List.of("a key appears twice ("
                        + e.getOriginalMessage().replace("Duplicate field", "key") + ") at line "
                        + e.getLocation().getLineNr() + "; keep one"));
            }
            throw new ConfigurationException(file, List.of("not valid JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()));
        } catch (IOException e) {
            throw new ConfigurationException(file, List.of("cannot be read: " + e.getMessage()));
        }
        List<String> problems = configuration.problems();
        if (typedDay != null && !isDate(typedDay)) {
            problems.replaceAll(p -> p.startsWith("electionDay:") ? "electionDay: '" + printable(typedDay)
                    + "' is not a date (yyyy-MM-dd)" : p);
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(file, problems);
        }
        return configuration;
    }

    /** What a setting of {@code type} is written as, in the words of this file's documentation. */
    private static String kindOf(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == String.class || type == Path.class || type == LocalDate.class || type.isEnum()) {
            return "text in quotes";
        }
        if (type.isArray() || Iterable.class.isAssignableFrom(type)) {
            return "a list [...]";
        }
        return "an object {...}";
    }

    /** Jackson's reason without the Java type names it quotes in backticks, on one printable line. */
    private static String inWords(JsonMappingException e) {
        return PrintableText.of(String.valueOf(e.getOriginalMessage()).replaceAll("`[^`]*`", "this setting"));
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    static ObjectMapper mapper() {
        return new ObjectMapper()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
    }

    /** Mutable holder that Jackson fills over the defaults. */
    static final class Builder {
        @JsonProperty Path dataDirectory;
        @JsonProperty String election;
        @JsonProperty int precinct;
        @JsonProperty String electionDay;
        @JsonProperty SerialPortSetting scanner;
        @JsonProperty SerialPortSetting mrzReader;
        @JsonProperty SerialPortSetting printer;
        @JsonProperty double matchThreshold;
        @JsonProperty int maxFingerTries;
        @JsonProperty double overrideCapPercent;
        @JsonProperty double overrideWarnPercent;
        @JsonProperty int idleTimeoutSeconds;
        @JsonProperty boolean fullScreen;
        @JsonProperty List<String> removableMedia;
        @JsonProperty int tokenScreenSeconds;
        @JsonProperty PrecinctNetworkSetting precinctNetwork;

        @JsonCreator
        Builder() {
            this(defaults());
        }

        Builder(KioskConfiguration from) {
            dataDirectory = from.dataDirectory;
            election = from.election;
            precinct = from.precinct;
            electionDay = from.electionDay == null ? null : from.electionDay.toString();
            scanner = from.scanner;
            mrzReader = from.mrzReader;
            printer = from.printer;
            matchThreshold = from.matchThreshold;
            maxFingerTries = from.maxFingerTries;
            overrideCapPercent = from.overrideCapPercent;
            overrideWarnPercent = from.overrideWarnPercent;
            idleTimeoutSeconds = from.idleTimeoutSeconds;
            fullScreen = from.fullScreen;
            removableMedia = from.removableMedia;
            tokenScreenSeconds = from.tokenScreenSeconds;
            precinctNetwork = from.precinctNode.map(node -> new PrecinctNetworkSetting(node.toString())).orElse(null);
        }

        KioskConfiguration build() {
            LocalDate day;
            try {
                day = electionDay == null ? null : LocalDate.parse(electionDay);
            } catch (DateTimeParseException e) {
                day = null;
            }
            return new KioskConfiguration(dataDirectory, election, precinct, day,
                    defaultModelAsNull("scanner", scanner), defaultModelAsNull("mrzReader", mrzReader),
                    defaultModelAsNull("printer", printer), matchThreshold, maxFingerTries, overrideCapPercent,
                    overrideWarnPercent, idleTimeoutSeconds, fullScreen, removableMedia, tokenScreenSeconds,
                    precinctNetwork == null ? Optional.empty() : Optional.of(Path.of(precinctNetwork.node())));
        }
    }
}
