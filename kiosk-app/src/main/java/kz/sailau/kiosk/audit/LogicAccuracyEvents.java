package kz.sailau.kiosk.audit;

/**
 * The two events the pre-election logic-and-accuracy test leaves in the kiosk's real audit log. Everything
 * else of the test (its register, check-ins, refusals, tokens and their audit entries) lives in the separate
 * test store and is wiped at the end, so the day's counts ({@link DayCounts}) never see it. None of the
 * fields can hold personal data: a package digest and counts.
 */
public final class LogicAccuracyEvents {

    private LogicAccuracyEvents() {
    }

    /**
     * {@code LA_TEST_STARTED}: the test register package's SHA-256 and its number of voters.
     *
     * @param packageSha256 hex SHA-256 of the test package file
     * @param voters        test voters loaded into the test store
     */
    public static AuditEvent started(String packageSha256, long voters) {
        return AuditEvent.of(AuditEventType.LA_TEST_STARTED, AuditField.digest("packageHash", packageSha256),
                AuditField.count("voters", voters));
    }

    /**
     * {@code LA_TEST_ENDED}: what happened during the test, just before its data was wiped and the counters
     * were reset to zero.
     *
     * @param checkIns     test check-ins (every method)
     * @param refusals     test check-ins refused
     * @param overrides    test check-ins by clerk override
     * @param tokensIssued test tokens issued (including voided ones)
     */
    public static AuditEvent ended(long checkIns, long refusals, long overrides, long tokensIssued) {
        return AuditEvent.of(AuditEventType.LA_TEST_ENDED, AuditField.count("checkIns", checkIns),
                AuditField.count("refusals", refusals), AuditField.count("overrides", overrides),
                AuditField.count("tokensIssued", tokensIssued));
    }
}
