package kz.sailau.kiosk.report;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kz.sailau.kiosk.audit.SignedHead;
import kz.sailau.kiosk.devices.printer.Receipt;

/**
 * Lays the reports out on the receipt roll in one language: a heading, short lines (a SHA-256 is split in two lines
 * of 32 hex digits, so it fits the 32 characters of a 58 mm roll), the signed head as a QR code with its text under
 * the heading lines, so that it can also be typed. Codes that observers compare with {@code bundle verify} (refusal
 * reasons, override reasons) are printed as they stand in the log. No personal data exists in a report to print.
 */
public final class ReportLayouts {

    /** Every key the layouts use, for the test that checks each exists in every language. */
    public static final List<String> KEYS = List.of("report.opening.heading", "report.closing.heading",
            "report.turnout.heading", "report.precinct", "report.printedAt", "report.register", "report.registerHash",
            "report.software", "report.softwareHash", "report.softwareNoJar", "report.zero", "report.head",
            "report.checkIns", "report.byFingerprint", "report.byOverride", "report.inFallback", "report.onSpecialList", "report.paperMarks", "report.refusals",
            "report.overrideReason", "report.refusalReason", "report.tokens", "report.byHand", "report.balanced",
            "report.notBalanced", "report.redeemed", "report.redeemedUnknown", "report.paperForms",
            "report.turnout.asOf", "report.turnout.hour", "report.turnout.none", "report.signatures",
            "report.forms.heading", "report.forms.none", "report.forms.page", "report.forms.line");

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private ReportLayouts() {
    }

    /** The opening (zero) report. */
    public static Receipt opening(ReportText text, OpeningReport report) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(report, "report");
        List<String> lines = heading(text, report.heading());
        lines.add(text.get("report.register", Long.toString(report.registerVersion()), report.voters()));
        lines.add(text.get("report.registerHash"));
        lines.addAll(hex(report.registerSha256()));
        lines.add(text.get("report.software", report.software().version()));
        report.software().jarSha256().ifPresentOrElse(hash -> {
            lines.add(text.get("report.softwareHash"));
            lines.addAll(hex(hash));
        }, () -> lines.add(text.get("report.softwareNoJar")));
        lines.add(text.get("report.zero", report.counts().checkIns(), report.counts().tokensIssued()));
        head(text, report.head(), lines);
        return new Receipt(text.get("report.opening.heading"), lines, report.head().qrPayload(), "");
    }

    /** The closing tally. */
    public static Receipt closing(ReportText text, ClosingTally tally) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(tally, "tally");
        List<String> lines = heading(text, tally.heading());
        var counts = tally.counts();
        lines.add(text.get("report.checkIns", counts.checkIns()));
        lines.add(text.get("report.byFingerprint", counts.byFingerprint()));
        lines.add(text.get("report.byOverride", counts.byOverride()));
        for (Map.Entry<String, Long> reason : counts.overridesByReason().entrySet()) {
            lines.add(text.get("report.overrideReason", reason.getKey(), reason.getValue()));
        }
        lines.add(text.get("report.inFallback", counts.inFallback()));
        lines.add(text.get("report.onSpecialList", counts.onSpecialList()));
        lines.add(text.get("report.paperMarks", counts.paperMarks()));
        lines.add(text.get("report.paperForms", tally.paperForms()));
        lines.add(text.get("report.refusals", counts.refusalsByReason().values().stream().mapToLong(Long::longValue)
                .sum()));
        for (Map.Entry<String, Long> reason : counts.refusalsByReason().entrySet()) {
            lines.add(text.get("report.refusalReason", reason.getKey(), reason.getValue()));
        }
        lines.add(text.get("report.tokens", counts.tokensIssued(), counts.tokensVoided()));
        lines.add(text.get("report.byHand", counts.tokensNotIssued()));
        lines.add(text.get(counts.reconciles() ? "report.balanced" : "report.notBalanced"));
        if (tally.redeemed().isPresent()) {
            long redeemed = tally.redeemed().getAsLong();
            lines.add(text.get("report.redeemed", redeemed, tally.tokensValid() - redeemed));
        } else {
            lines.add(text.get("report.redeemedUnknown"));
        }
        head(text, tally.head(), lines);
        return new Receipt(text.get("report.closing.heading"), lines, tally.head().qrPayload(), "");
    }

    /**
     * The turnout slip: the whole hours so far (the most recent {@value #SLIP_HOURS} when the day is longer) and the
     * total as of the end of the last whole hour. It carries no audit head: a head's sequence number would count the
     * log's entries up to the minute of printing, finer than the hour (decision 0201).
     */
    public static Receipt turnout(ReportText text, ReportHeading heading, Turnout turnout) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(turnout, "turnout");
        List<String> lines = heading(text, heading);
        lines.add(text.get("report.turnout.asOf", HOUR.format(turnout.asOf()), turnout.total()));
        List<Turnout.Hour> hours = turnout.hours();
        if (hours.isEmpty()) {
            lines.add(text.get("report.turnout.none"));
        }
        for (Turnout.Hour hour : hours.subList(Math.max(0, hours.size() - SLIP_HOURS), hours.size())) {
            lines.add(text.get("report.turnout.hour", HOUR.format(hour.start()), HOUR.format(hour.start().plusHours(1)),
                    hour.checkIns()));
        }
        return new Receipt(text.get("report.turnout.heading"), lines, "", "");
    }

    /**
     * The paper forms slip: every reference of the day with its hour and the override reason, {@value #FORMS_PER_SLIP}
     * to a receipt (a long day prints several, numbered). The clerk matches the forms filled in during the day
     * against it, and an auditor the forms {@code audit sample} names.
     */
    public static List<Receipt> paperForms(ReportText text, ReportHeading heading, PaperForms forms) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(forms, "forms");
        List<PaperForms.Form> all = forms.forms();
        int pages = Math.max(1, (all.size() + FORMS_PER_SLIP - 1) / FORMS_PER_SLIP);
        List<Receipt> receipts = new ArrayList<>();
        for (int page = 0; page < pages; page++) {
            List<String> lines = heading(text, heading);
            lines.add(text.get("report.forms.page", page + 1, pages));
            if (all.isEmpty()) {
                lines.add(text.get("report.forms.none"));
            }
            for (PaperForms.Form form : all.subList(page * FORMS_PER_SLIP,
                    Math.min(all.size(), (page + 1) * FORMS_PER_SLIP))) {
                lines.add(text.get("report.forms.line", form.reference(), HOUR.format(form.hour()),
                        HOUR.format(form.hour().plusHours(1)), form.reason().orElse("")).strip());
            }
            receipts.add(new Receipt(text.get("report.forms.heading"), lines, "", ""));
        }
        return receipts;
    }

    /** Paper form references on one receipt. */
    static final int FORMS_PER_SLIP = 40;

    /** Hours on a turnout slip: a polling day of 07:00-20:00 is 13. */
    static final int SLIP_HOURS = 16;

    private static List<String> heading(ReportText text, ReportHeading heading) {
        List<String> lines = new ArrayList<>();
        lines.add(text.get("report.precinct", heading.election(), Integer.toString(heading.precinct())));
        lines.add(text.get("report.printedAt", MINUTE.format(ZonedDateTime.ofInstant(heading.printedAt(),
                heading.zone()))));
        return lines;
    }

    private static void head(ReportText text, SignedHead head, List<String> lines) {
        lines.add(text.get("report.head", Long.toString(head.sequence())));
        lines.add(SignedHead.PREFIX + head.sequence() + ":");
        lines.addAll(hex(head.hash()));
        lines.add(text.get("report.signatures"));
    }

    /** A 64-digit hex digest as two lines of 32. */
    private static List<String> hex(String digest) {
        return List.of(digest.substring(0, 32), digest.substring(32));
    }
}
