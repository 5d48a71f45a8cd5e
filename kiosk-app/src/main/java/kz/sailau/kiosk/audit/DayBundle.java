package kz.sailau.kiosk.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import kz.sailau.kiosk.timeline.CheckInPhase;
import kz.sailau.kiosk.timeline.PhaseTable;

/**
 * The end-of-day bundle: a JSON document (format {@value #FORMAT}) with the election, precinct, register
 * version and hash, software version and jar hash, the day's counts (all computed from the log), the
 * reconciliation, the signed audit head, the full audit log and the issued ballot token ids (sorted, with their
 * void flags: what the ballot desk's redemptions are reconciled against); signed by the kiosk key in a detached
 * CMS signature ({@code BUNDLE.p7s}).
 * No field can hold personal data: the log's fields are catalogue codes, counts, digests, versions and
 * signatures only.
 *
 * @param election        election id
 * @param precinct        precinct number
 * @param registerVersion version of the loaded register (0 when none was loaded)
 * @param registerSha256  SHA-256 of the loaded register package ({@code null} when none)
 * @param softwareVersion kiosk software version
 * @param jarSha256       SHA-256 of the running jar ({@code null} when not run from a jar)
 * @param closedAt        when the day was closed (to the minute)
 * @param counts          the counts
 * @param entries         the full audit log
 * @param issuedTokens    the issued token ids, sorted by id
 * @param waitTimes       the check-in timeline's p50/p95 table since the kiosk last started (decision 0190): counts
 *                        and durations per phase, nothing per voter; written as {@code waitTimes} only when not
 *                        empty, so bundles without it (older kiosks, {@code day close} from the command line) read
 *                        and verify as before
 * @param markedRegister  the SHA-256 of the marked-register backup written beside the bundle, or that none was
 *                        (decision 0295); written as {@value MarkedRegisterBinding#JSON_KEY} unless
 *                        {@link MarkedRegisterBinding#NOT_BOUND}, which is what a bundle of an older kiosk reads as
 */
public record DayBundle(String election, int precinct, long registerVersion, String registerSha256,
                        String softwareVersion, String jarSha256, Instant closedAt, DayCounts counts,
                        List<AuditEntry> entries, List<IssuedToken> issuedTokens, PhaseTable waitTimes,
                        MarkedRegisterBinding markedRegister) {

    /**
     * Format id written into every bundle. Version 2: token counts come from the log's token events and the
     * issued ids are listed; a version-1 bundle took its issued count from a side file and is not read.
     */
    public static final String FORMAT = "sailau-day-bundle-v2";
    /** File name suffix of the detached signature next to the bundle. */
    public static final String SIGNATURE_SUFFIX = ".p7s";
    /** What the {@code waitTimes} table covers: the check-ins since the kiosk program last started. */
    public static final String WAIT_TIMES_SINCE = "kiosk start";

    /** Duplicate keys are refused: a verifier must not read another bundle than the one that was signed. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            // Nor a second document after the first (decision 0445): jq would read it, this reader would not.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Copies the entries. */
    public DayBundle {
        Objects.requireNonNull(election, "election");
        Objects.requireNonNull(softwareVersion, "softwareVersion");
        Objects.requireNonNull(closedAt, "closedAt");
        Objects.requireNonNull(counts, "counts");
        entries = List.copyOf(entries);
        issuedTokens = List.copyOf(issuedTokens);
        Objects.requireNonNull(waitTimes, "waitTimes");
        Objects.requireNonNull(markedRegister, "markedRegister");
    }

    /** A bundle that does not name its marked-register backup ({@link MarkedRegisterBinding#NOT_BOUND}). */
    public DayBundle(String election, int precinct, long registerVersion, String registerSha256,
                     String softwareVersion, String jarSha256, Instant closedAt, DayCounts counts,
                     List<AuditEntry> entries, List<IssuedToken> issuedTokens, PhaseTable waitTimes) {
        this(election, precinct, registerVersion, registerSha256, softwareVersion, jarSha256, closedAt, counts, entries,
                issuedTokens, waitTimes, MarkedRegisterBinding.NOT_BOUND);
    }

    /** A bundle without a wait-times table that does not name its marked-register backup. */
    public DayBundle(String election, int precinct, long registerVersion, String registerSha256,
                     String softwareVersion, String jarSha256, Instant closedAt, DayCounts counts,
                     List<AuditEntry> entries, List<IssuedToken> issuedTokens) {
        this(election, precinct, registerVersion, registerSha256, softwareVersion, jarSha256, closedAt, counts, entries,
                issuedTokens, PhaseTable.EMPTY);
    }

    /** The last entry of the log. */
    public AuditEntry head() {
        if (entries.isEmpty()) {
            throw new IllegalStateException("a bundle always holds its DAY_CLOSED entry");
        }
        return entries.get(entries.size() - 1);
    }

    /** The canonical JSON bytes (UTF-8). */
    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("election", election);
        root.put("precinct", precinct);
        ObjectNode register = root.putObject("register");
        register.put("version", registerVersion);
        register.put("sha256", registerSha256);
        ObjectNode software = root.putObject("software");
        software.put("version", softwareVersion);
        software.put("jarSha256", jarSha256);
        root.put("closedAt", closedAt.toString());
        if (markedRegister.state() != MarkedRegisterBinding.State.NOT_BOUND) {
            root.putObject(MarkedRegisterBinding.JSON_KEY).put("sha256", markedRegister.sha256());
        }
        ObjectNode c = root.putObject("counts");
        c.put("checkIns", counts.checkIns());
        c.put("byFingerprint", counts.byFingerprint());
        c.put("byOverride", counts.byOverride());
        c.put("inFallback", counts.inFallback());
        if (counts.onSpecialList() > 0) {
            c.put("onSpecialList", counts.onSpecialList());
        }
        if (counts.paperMarks() > 0) {
            c.put("paperMarks", counts.paperMarks());
        }
        ObjectNode overrides = c.putObject("overridesByReason");
        counts.overridesByReason().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> overrides.put(e.getKey(), e.getValue()));
        ObjectNode refusals = c.putObject("refusalsByReason");
        counts.refusalsByReason().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> refusals.put(e.getKey(), e.getValue()));
        c.put("tokensIssued", counts.tokensIssued());
        c.put("tokensVoided", counts.tokensVoided());
        c.put("tokensNotIssued", counts.tokensNotIssued());
        ObjectNode reconciliation = root.putObject("reconciliation");
        reconciliation.put("checkIns", counts.checkIns());
        reconciliation.put("tokensIssuedMinusVoided", counts.tokensIssued() - counts.tokensVoided());
        reconciliation.put("tokensNotIssued", counts.tokensNotIssued());
        reconciliation.put("balanced", counts.reconciles());
        ObjectNode head = root.putObject("auditHead");
        head.put("sequence", head().sequence());
        head.put("hash", head().hash());
        ArrayNode log = root.putArray("auditLog");
        for (AuditEntry entry : entries) {
            ObjectNode e = log.addObject();
            e.put("sequence", entry.sequence());
            e.put("time", entry.time().toString());
            e.put("type", entry.event().type().name());
            ObjectNode fields = e.putObject("fields");
            for (AuditField field : entry.event().fields()) {
                fields.put(field.name(), field.value());
            }
            e.put("previousHash", entry.previousHash());
            e.put("hash", entry.hash());
        }
        ArrayNode tokens = root.putArray("issuedTokens");
        for (IssuedToken token : issuedTokens) {
            tokens.addObject().put("id", token.id()).put("voided", token.voided());
        }
        if (!waitTimes.isEmpty()) {
            ObjectNode times = root.putObject("waitTimes");
            times.put("since", WAIT_TIMES_SINCE);
            ArrayNode phases = times.putArray("phases");
            for (PhaseTable.Row row : waitTimes.rows()) {
                phases.addObject().put("phase", row.phase().name()).put("count", row.count())
                        .put("p50Micros", row.p50().toNanos() / 1000).put("p95Micros", row.p95().toNanos() / 1000);
            }
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bundle JSON cannot be written", e);
        }
    }

    /**
     * Reads a bundle. Entries are read as they are (a tampered entry is found by the verifier, not here).
     *
     * @throws BundleFormatException when it is not a bundle of this format or holds no audit log entries
     */
    public static Parsed parse(byte[] json) {
        Objects.requireNonNull(json, "json");
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !FORMAT.equals(root.path("format").asText())) {
                throw new BundleFormatException("not a " + FORMAT + " document", null);
            }
            List<AuditEntry> entries = new ArrayList<>();
            for (JsonNode e : root.withArray("auditLog")) {
                List<AuditField> fields = new ArrayList<>();
                Iterator<Map.Entry<String, JsonNode>> it = e.path("fields").fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> f = it.next();
                    fields.add(new AuditField(f.getKey(), f.getValue().asText()));
                }
                entries.add(new AuditEntry(whole(e, "sequence"), Instant.parse(e.path("time").asText()),
                        new AuditEvent(AuditEventType.valueOf(e.path("type").asText()), fields),
                        e.path("previousHash").asText(), e.path("hash").asText()));
            }
            if (entries.isEmpty()) {
                // Every bundle ends with at least the DAY_CLOSED entry and its signed head; without entries
                // the bundle has no head, and head() would fail later in the reader (found by fuzzing).
                throw new BundleFormatException("the bundle holds no audit log entries", null);
            }
            List<IssuedToken> tokens = new ArrayList<>();
            for (JsonNode t : root.withArray("issuedTokens")) {
                tokens.add(new IssuedToken(t.path("id").asText(), t.path("voided").asBoolean()));
            }
            JsonNode c = root.path("counts");
            DayCounts counts = new DayCounts(whole(c, "byFingerprint"), whole(c, "byOverride"),
                    whole(c, "inFallback"), longs(c.path("overridesByReason")),
                    longs(c.path("refusalsByReason")), whole(c, "tokensIssued"),
                    whole(c, "tokensVoided"), whole(c, "tokensNotIssued"),
                    whole(c, "onSpecialList"), whole(c, "paperMarks"));
            PhaseTable waitTimes = PhaseTable.EMPTY;
            Optional<String> waitTimesProblem = Optional.empty();
            if (!root.path("waitTimes").isMissingNode()) {
                try {
                    waitTimes = waitTimes(root.path("waitTimes"));
                } catch (IllegalArgumentException malformed) {
                    waitTimesProblem = Optional.of(malformed.getMessage());
                }
            }
            long precinct = whole(root, "precinct");
            if (precinct != (int) precinct) {
                throw new BundleFormatException("precinct " + precinct + " is out of range", null);
            }
            DayBundle bundle = new DayBundle(root.path("election").asText(), (int) precinct,
                    whole(root.path("register"), "version"), text(root.path("register").path("sha256")),
                    root.path("software").path("version").asText(), text(root.path("software").path("jarSha256")),
                    Instant.parse(root.path("closedAt").asText()), counts, entries, tokens, waitTimes,
                    markedRegister(root.path(MarkedRegisterBinding.JSON_KEY)));
            return new Parsed(bundle, whole(root.path("auditHead"), "sequence"),
                    root.path("auditHead").path("hash").asText(), whole(root.path("counts"), "checkIns"),
                    root.path("reconciliation").path("balanced").asBoolean(), waitTimesProblem);
        } catch (IOException | RuntimeException e) {
            if (e instanceof BundleFormatException b) {
                throw b;
            }
            if (e instanceof JsonProcessingException parse && parse.getOriginalMessage() != null
                    && parse.getOriginalMessage().startsWith("Duplicate field")) {
                throw new BundleFormatException("bundle cannot be read: " + parse.getOriginalMessage()
                        + " (a key given twice is ambiguous)", e);
            }
            if (e instanceof JsonProcessingException parse && parse.getOriginalMessage() != null
                    && parse.getOriginalMessage().startsWith("Trailing token")) {
                throw new BundleFormatException("bundle cannot be read: content after the bundle's one JSON object"
                        + (parse.getLocation() == null ? "" : " at line " + parse.getLocation().getLineNr()), e);
            }
            throw new BundleFormatException("bundle cannot be read (not JSON of the " + FORMAT + " format)", e);
        }
    }

    /**
     * Reads the {@code waitTimes} object: exactly {@code since} and {@code phases}, each phase exactly its name (one
     * of {@link CheckInPhase}), a positive count and two whole numbers of microseconds with p50 ≤ p95, phases once
     * each in phase order.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    private static PhaseTable waitTimes(JsonNode node) {
        if (!node.isObject() || !fieldNames(node).equals(List.of("since", "phases"))
                || !WAIT_TIMES_SINCE.equals(node.path("since").asText()) || !node.path("phases").isArray()) {
            throw new IllegalArgumentException("waitTimes must hold exactly \"since\": \"" + WAIT_TIMES_SINCE
                    + "\" and a \"phases\" array");
        }
        List<PhaseTable.Row> rows = new ArrayList<>();
        for (JsonNode phase : node.path("phases")) {
            if (!phase.isObject() || !fieldNames(phase).equals(List.of("phase", "count", "p50Micros", "p95Micros"))) {
                throw new IllegalArgumentException("a waitTimes phase must hold exactly phase, count, p50Micros, "
                        + "p95Micros");
            }
            CheckInPhase name;
            try {
                name = CheckInPhase.valueOf(phase.path("phase").asText());
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException("waitTimes names an unknown phase");
            }
            for (String number : List.of("count", "p50Micros", "p95Micros")) {
                if (!phase.path(number).isIntegralNumber() || !phase.path(number).canConvertToLong()
                        || phase.path(number).asLong() < 0 || phase.path(number).asLong() > Long.MAX_VALUE / 1000) {
                    throw new IllegalArgumentException("waitTimes " + name + ": " + number
                            + " is not a whole number ≥ 0");
                }
            }
            rows.add(new PhaseTable.Row(name, phase.path("count").asLong(),
                    Duration.ofNanos(Math.multiplyExact(phase.path("p50Micros").asLong(), 1000L)),
                    Duration.ofNanos(Math.multiplyExact(phase.path("p95Micros").asLong(), 1000L))));
        }
        return new PhaseTable(rows);
    }

    /**
     * Reads the {@value MarkedRegisterBinding#JSON_KEY} object: absent (an older kiosk's bundle), or exactly
     * {@code sha256}, null when no backup was written, otherwise 64 lower-case hex digits.
     *
     * @throws BundleFormatException otherwise
     */
    private static MarkedRegisterBinding markedRegister(JsonNode node) {
        if (node.isMissingNode()) {
            return MarkedRegisterBinding.NOT_BOUND;
        }
        if (!node.isObject() || !fieldNames(node).equals(List.of("sha256"))
                || !(node.path("sha256").isNull() || node.path("sha256").isTextual())) {
            throw new BundleFormatException(MarkedRegisterBinding.JSON_KEY + " must hold exactly \"sha256\": the "
                    + "backup's SHA-256, or null when none was written", null);
        }
        if (node.path("sha256").isNull()) {
            return MarkedRegisterBinding.NONE_WRITTEN;
        }
        try {
            return new MarkedRegisterBinding(MarkedRegisterBinding.State.BOUND, node.path("sha256").asText());
        } catch (IllegalArgumentException malformed) {
            throw new BundleFormatException(MarkedRegisterBinding.JSON_KEY + ".sha256 is not 64 lower-case hex "
                    + "digits", null);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    private static Map<String, Long> longs(JsonNode node) {
        Map<String, Long> map = new TreeMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), whole(node, e.getKey())));
        return map;
    }

    /**
     * A whole number written as one (absent reads as 0, as before): text, a fraction, an exponent or a boolean is
     * refused (decision 0445), since {@code asLong} read {@code "7"}, {@code 7.9} and {@code 7e0} as 7 where
     * another reader of the same signed bytes sees text or 7.9.
     */
    private static long whole(JsonNode parent, String field) {
        JsonNode value = parent.path(field);
        if (value.isMissingNode()) {
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new BundleFormatException("\"" + field + "\" is not a whole number written as one", null);
        }
        return value.longValue();
    }

    /**
     * A parsed bundle with the values it states about itself (checked against the log by the verifier).
     *
     * @param bundle           the bundle
     * @param statedHeadSequence the audit head sequence it states
     * @param statedHeadHash   the audit head hash it states
     * @param statedCheckIns   the check-in count it states
     * @param statedBalanced   the reconciliation outcome it states
     * @param waitTimesProblem what is wrong with its {@code waitTimes} object, if it has one that is malformed (the
     *                         bundle then carries an empty table, and the verifier fails the "wait times" check)
     */
    public record Parsed(DayBundle bundle, long statedHeadSequence, String statedHeadHash, long statedCheckIns,
                         boolean statedBalanced, Optional<String> waitTimesProblem) {
    }
}
