package kz.sailau.kiosk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The end-of-day reconciliation of redeemed against issued token ids: counts and every kind of mismatch. */
class ReconciliationTest {

    private static String id(int n) {
        return String.format("%032x", n);
    }

    private static final Reconciliation.Issued KIOSK_1 = new Reconciliation.Issued("k1", List.of(
            new IssuedToken(id(1), false), new IssuedToken(id(2), true), new IssuedToken(id(3), false),
            new IssuedToken(id(4), false)));
    private static final Reconciliation.Issued KIOSK_2 = new Reconciliation.Issued("k2", List.of(
            new IssuedToken(id(5), false), new IssuedToken(id(6), false)));

    @Test
    void anExactDayCountsIssuedVoidedRedeemedTypedAndUnused() {
        Reconciliation.Report report = Reconciliation.reconcile(List.of(KIOSK_1, KIOSK_2), List.of(
                new Reconciliation.Redeemed("desk", List.of(new Reconciliation.Redemption(id(1), true),
                        new Reconciliation.Redemption(id(5), false), new Reconciliation.Redemption(id(6), true)))));
        assertTrue(report.exact(), report.describe());
        assertEquals(new Reconciliation.Report(6, 1, 3, 2, 2, List.of()), report);
        assertEquals(5, report.valid());
        assertEquals("issued 6, voided 1, valid 5, redeemed 3 (typed 2), unused 2, mismatches 0", report.describe());
    }

    @Test
    void everyKindOfMismatchIsNamedWithItsIdAndFiles() {
        Reconciliation.Issued copy = new Reconciliation.Issued("k3", List.of(new IssuedToken(id(6), false)));
        Reconciliation.Report report = Reconciliation.reconcile(List.of(KIOSK_1, KIOSK_2, copy), List.of(
                new Reconciliation.Redeemed("desk-a", List.of(new Reconciliation.Redemption(id(9), true),
                        new Reconciliation.Redemption(id(2), false), new Reconciliation.Redemption(id(3), true))),
                new Reconciliation.Redeemed("desk-b", List.of(new Reconciliation.Redemption(id(3), false)))));
        assertEquals(List.of(
                new Reconciliation.Mismatch(Reconciliation.Kind.VOIDED_REDEEMED, id(2), List.of("k1", "desk-a")),
                new Reconciliation.Mismatch(Reconciliation.Kind.REDEEMED_TWICE, id(3), List.of("desk-a", "desk-b")),
                new Reconciliation.Mismatch(Reconciliation.Kind.ISSUED_TWICE, id(6), List.of("k2", "k3")),
                new Reconciliation.Mismatch(Reconciliation.Kind.REDEEMED_NOT_ISSUED, id(9), List.of("desk-a"))),
                report.mismatches());
    }
}
