package kz.sailau.kiosk.register;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.model.PriorVote;

/**
 * Everything a register package carries for one precinct: the plaintext that gets signed and encrypted.
 *
 * @param election           the election
 * @param precinct           the precinct every record belongs to
 * @param version            register version, increasing with every issued update (no rollback)
 * @param created            when the package was built
 * @param extractorVersion   the template extractor every finger was extracted with
 * @param records            the voters
 * @param acceptedDuplicates duplicates the authority accepted, with reasons
 * @param redirection        the country's redirection table with its key (decision 0210), if the authority added one
 */
public record RegisterContents(ElectionId election, PrecinctId precinct, long version, Instant created,
                               String extractorVersion, List<RegisterRecord> records,
                               List<AcceptedDuplicate> acceptedDuplicates, Optional<Redirection> redirection) {

    /** @throws IllegalArgumentException on a non-positive version or a record of another precinct */
    public RegisterContents {
        Objects.requireNonNull(election, "election");
        Objects.requireNonNull(precinct, "precinct");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(extractorVersion, "extractorVersion");
        Objects.requireNonNull(redirection, "redirection");
        records = List.copyOf(records);
        acceptedDuplicates = List.copyOf(acceptedDuplicates);
        if (version < 1) {
            throw new IllegalArgumentException("register version must be positive");
        }
        for (RegisterRecord record : records) {
            if (!record.voter().precinct().equals(precinct)) {
                throw new IllegalArgumentException("a record belongs to another precinct");
            }
        }
    }

    /** A register without a redirection table. */
    public RegisterContents(ElectionId election, PrecinctId precinct, long version, Instant created,
                            String extractorVersion, List<RegisterRecord> records,
                            List<AcceptedDuplicate> acceptedDuplicates) {
        this(election, precinct, version, created, extractorVersion, records, acceptedDuplicates, Optional.empty());
    }

    /** The same register with {@code redirection} added. */
    public RegisterContents withRedirection(Redirection redirection) {
        return new RegisterContents(election, precinct, version, created, extractorVersion, records,
                acceptedDuplicates, Optional.of(redirection));
    }

    /** The same register with each voter in {@code votes} marked with the prior vote given there. */
    public RegisterContents withPriorVotes(Map<Iin, PriorVote> votes) {
        Objects.requireNonNull(votes, "votes");
        List<RegisterRecord> marked = records.stream().map(r -> votes.containsKey(r.voter().iin())
                ? r.withPriorVote(votes.get(r.voter().iin())) : r).toList();
        return new RegisterContents(election, precinct, version, created, extractorVersion, marked,
                acceptedDuplicates, redirection);
    }

    /** Total number of enrolled fingers. */
    public int fingerCount() {
        return records.stream().mapToInt(r -> r.fingers().size()).sum();
    }

    @Override
    public String toString() {
        return "RegisterContents[" + election + ", precinct " + precinct + ", v" + version + ", "
                + records.size() + " voters]";
    }
}
