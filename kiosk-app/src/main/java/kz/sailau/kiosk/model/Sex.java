package kz.sailau.kiosk.model;

/** Sex as recorded in the IIN and in the MRZ of the identity card. */
public enum Sex {
    MALE,
    FEMALE
}
