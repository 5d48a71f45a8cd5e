package kz.sailau.kiosk.model;

/**
 * How a voter of the register has already voted before election day, as the authority marks it in the register
 * package: such a voter is refused at the kiosk with the matching reason. Personal data (it says how a person
 * voted): kept encrypted at rest like the rest of the register entry.
 */
public enum PriorVote {
    /** Voted early (досрочное голосование / мерзімінен бұрын дауыс беру). */
    EARLY,
    /**
     * Took an absentee certificate (открепительное удостоверение / сырттай дауыс беру куәлігі) to vote at another
     * precinct.
     */
    ABSENTEE_CERTIFICATE;

    /** The code used in the authority's input file and in the package: {@code EARLY} or {@code ABSENTEE}. */
    public String code() {
        return this == EARLY ? "EARLY" : "ABSENTEE";
    }

    /**
     * The prior vote of a code.
     *
     * @throws IllegalArgumentException for anything but {@code EARLY} or {@code ABSENTEE}
     */
    public static PriorVote fromCode(String code) {
        if ("EARLY".equals(code)) {
            return EARLY;
        } else if ("ABSENTEE".equals(code)) {
            return ABSENTEE_CERTIFICATE;
        }
        throw new IllegalArgumentException("prior vote must be EARLY or ABSENTEE");
    }
}
