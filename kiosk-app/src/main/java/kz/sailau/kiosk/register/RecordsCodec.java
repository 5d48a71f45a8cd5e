package kz.sailau.kiosk.register;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.FingerPosition;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.model.PriorVote;
import kz.sailau.kiosk.model.Sex;
import kz.sailau.kiosk.model.Voter;

/**
 * The records document inside the package envelope (JSON, Jackson): the full {@link RegisterContents}.
 * Decoding re-validates every value through the model's constructors.
 */
final class RecordsCodec {

    static final String FORMAT = "sailau-register-records-1";
    /**
     * Read one way only (decision 0445): no second document after the first, no fraction, exponent or text where
     * a whole number belongs, as {@code kiosk.json} is read.
     */
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);

    private RecordsCodec() {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Document(String format, String election, int precinct, long registerVersion, String created,
                    String extractorVersion, List<VoterJson> voters, List<AcceptedJson> acceptedDuplicates,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String redirectKey) {
    }

    /**
     * One voter. {@code priorVote} ({@code EARLY} or {@code ABSENTEE}) is written only for a voter who voted before
     * election day, so a package without prior votes is byte for byte what it was before.
     */
    record VoterJson(String iin, String surname, String givenName, String patronymic, String birthDate, String sex,
                     int precinct, List<FingerJson> fingers,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String priorVote) {
    }

    /**
     * One enrolment impression. {@code impression} is written only from the second impression on, so that a
     * package with one impression per finger reads exactly as before; absent means 1.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FingerJson(String position, Integer impression, String extractorVersion, String template,
                      String imageSha256) {
    }

    record AcceptedJson(String id, String reason) {
    }

    static byte[] encode(RegisterContents contents) {
        List<VoterJson> voters = new ArrayList<>(contents.records().size());
        for (RegisterRecord record : contents.records()) {
            Voter v = record.voter();
            List<FingerJson> fingers = record.fingers().stream().map(f -> new FingerJson(f.position().fileName(),
                    f.impression() == 1 ? null : f.impression(), f.template().extractorVersion(),
                    Base64.getEncoder().encodeToString(f.template().bytes()),
                    f.imageSha256())).toList();
            voters.add(new VoterJson(v.iin().digits(), v.surname(), v.givenName(), v.patronymic(),
                    v.birthDate().toString(), record.sex() == Sex.MALE ? "M" : "F", v.precinct().number(), fingers,
                    record.priorVote().map(PriorVote::code).orElse(null)));
        }
        Document document = new Document(FORMAT, contents.election().value(), contents.precinct().number(),
                contents.version(), contents.created().toString(), contents.extractorVersion(), voters,
                contents.acceptedDuplicates().stream().map(a -> new AcceptedJson(a.id(), a.reason())).toList(),
                contents.redirection().map(r -> Base64.getEncoder().encodeToString(r.key())).orElse(null));
        try {
            return JSON.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new IllegalStateException("records encoding failed", e);
        }
    }

    /**
     * Decodes records that carry no redirection key.
     *
     * @throws RegisterException {@code register.error.malformed} when the document is not valid records,
     *                           {@code register.error.damaged} when it carries a redirection key
     */
    static RegisterContents decode(byte[] bytes) {
        return decode(bytes, Optional.empty());
    }

    /**
     * Decodes records; a redirection key goes with, and only with, a redirection table.
     *
     * @param table the package's redirection table, if it has one
     * @throws RegisterException {@code register.error.malformed} when the document is not valid records,
     *                           {@code register.error.damaged} when key and table do not go together
     */
    static RegisterContents decode(byte[] bytes, Optional<RedirectTable> table) {
        try {
            Document document = JSON.readValue(bytes, Document.class);
            if (document == null || !FORMAT.equals(document.format()) || document.voters() == null) {
                throw new RegisterException("register.error.malformed", "records document has a wrong format", null);
            }
            List<RegisterRecord> records = new ArrayList<>(document.voters().size());
            for (VoterJson v : document.voters()) {
                Voter voter = new Voter(new Iin(v.iin()), v.surname(), v.givenName(), v.patronymic(),
                        LocalDate.parse(v.birthDate()), new PrecinctId(v.precinct()));
                // The builder's limit, read the same way: a longer name would not fit its column's padding at rest
                // and would stand out in the store (decision 0460).
                for (String name : new String[] {voter.surname(), voter.givenName(), voter.patronymic()}) {
                    if (name.length() > VoterRowValidator.MAX_NAME) {
                        throw new RegisterException("register.error.malformed", "a voter's name is longer than "
                                + VoterRowValidator.MAX_NAME + " UTF-16 units, the most a register build writes", null);
                    }
                }
                Sex sex = switch (v.sex()) {
                    case "M" -> Sex.MALE;
                    case "F" -> Sex.FEMALE;
                    default -> throw new IllegalArgumentException("sex must be M or F");
                };
                List<EnrolledFinger> fingers = new ArrayList<>();
                for (FingerJson f : v.fingers()) {
                    fingers.add(new EnrolledFinger(FingerPosition.fromFileName(f.position()),
                            f.impression() == null ? 1 : f.impression(),
                            new FingerTemplate(Base64.getDecoder().decode(f.template()), f.extractorVersion()),
                            f.imageSha256() == null ? "" : f.imageSha256()));
                }
                records.add(new RegisterRecord(voter, sex, fingers, v.priorVote() == null
                        ? Optional.empty() : Optional.of(PriorVote.fromCode(v.priorVote()))));
            }
            List<AcceptedDuplicate> accepted = document.acceptedDuplicates() == null ? List.of()
                    : document.acceptedDuplicates().stream().map(a -> new AcceptedDuplicate(a.id(), a.reason())).toList();
            if ((document.redirectKey() == null) != table.isEmpty()) {
                throw new RegisterException("register.error.damaged",
                        "the redirection table and its key do not come together", null);
            }
            Optional<Redirection> redirection = table.map(t -> new Redirection(
                    Base64.getDecoder().decode(document.redirectKey()), t));
            return new RegisterContents(new ElectionId(document.election()), new PrecinctId(document.precinct()),
                    document.registerVersion(), Instant.parse(document.created()), document.extractorVersion(),
                    records, accepted, redirection);
        } catch (IOException | RuntimeException e) {
            if (e instanceof RegisterException r) {
                throw r;
            }
            // The exception text may quote a value; only its type reaches the message.
            throw new RegisterException("register.error.malformed",
                    "records document cannot be read: " + e.getClass().getSimpleName(), null);
        }
    }
}
