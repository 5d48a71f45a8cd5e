package kz.sailau.kiosk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import kz.sailau.kiosk.audit.BundleVerifier;
import kz.sailau.kiosk.audit.DayBundle;
import kz.sailau.kiosk.audit.Reconciliation;
import kz.sailau.kiosk.model.ElectionId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code token reconcile --redeemed-ledger DESK.db BUNDLE...}: the end-of-day reconciliation of the ballot desks'
 * redemptions against the kiosks' issued ids. Every bundle is first verified in full (the same checks as
 * {@code bundle verify}); then every redeemed id must have been issued by exactly one kiosk and not voided, and no id
 * may be redeemed twice. Prints the counts and one line per mismatch; exit 0 only when everything matches.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = {"Reconcile the ballot desk's redeemed tokens (its ledger files) against the tokens the kiosks "
                + "issued (their end-of-day bundles, several kiosks of a precinct accepted): every redeemed id "
                + "issued, none redeemed twice, voided ids never redeemed.",
                "Exit code 0: exact; 1: a bundle does not verify or a mismatch was found (each is printed)."})
public final class TokenReconcileCommand implements Callable<Integer> {

    @Option(names = "--redeemed-ledger", required = true, paramLabel = "FILE",
            description = "A ballot desk's ledger (repeat for several desks).")
    List<Path> ledgers;

    @Parameters(arity = "1..*", paramLabel = "BUNDLE",
            description = "The kiosks' end-of-day bundles (each with BUNDLE.p7s next to it).")
    List<Path> bundles;

    @Option(names = "--authority-cert", paramLabel = "FILE",
            description = "The authority certificate: also check that each bundle is signed by one of its kiosks.")
    Path authorityCertificate;

    @Option(names = "--election", paramLabel = "ID",
            description = "The election every bundle must be of, so that an earlier election's bundles fail.")
    String election;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (Path ledger : ledgers) {
            ArgumentChecks.existingFile(ledger, "--redeemed-ledger");
        }
        for (Path bundle : bundles) {
            ArgumentChecks.existingFile(bundle, "BUNDLE");
        }
        if (authorityCertificate != null) {
            ArgumentChecks.existingFile(authorityCertificate, "--authority-cert");
        }
        Optional<ElectionId> expected = Optional.ofNullable(election)
                .map(text -> ArgumentChecks.election(text, "--election"));
        X509Certificate authority = authorityCertificate == null ? null
                : BundleCommands.readAuthority(authorityCertificate);
        List<Reconciliation.Redeemed> redeemed = new ArrayList<>();
        for (Path ledger : ledgers) {
            redeemed.add(BundleCommands.desk(ledger));
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Reconciliation.Issued> issued = new ArrayList<>();
        Map<String, List<String>> precincts = new LinkedHashMap<>();
        boolean bundlesVerified = true;
        for (Path bundle : bundles) {
            BundleVerifier.Result result = BundleCommands.verify(bundle, authority, OptionalLong.empty(),
                    Optional.empty(), Optional.empty(), expected);
            boolean ok = result.passed();
            bundlesVerified &= ok;
            out.println((ok ? "ok" : "FAILED") + "\tbundle\t" + bundle + (ok ? (result.signerChecked() ? ""
                    : " (signer NOT checked: no --authority-cert)") : ": " + firstFailure(result)));
            DayBundle parsed = BundleCommands.parse(bundle);
            issued.add(new Reconciliation.Issued(bundle.toString(), parsed.issuedTokens()));
            precincts.computeIfAbsent("election " + parsed.election() + ", precinct " + parsed.precinct(),
                    k -> new ArrayList<>()).add(bundle.getFileName().toString());
        }
        boolean onePrecinct = precincts.size() == 1;
        out.println(onePrecinct ? "ok\tprecinct\tevery bundle is of " + precincts.keySet().iterator().next()
                : "FAILED\tprecinct\tthe bundles are of " + precincts.size() + " precincts or elections ("
                + String.join("; ", precincts.entrySet().stream().map(e -> e.getKey() + ": "
                        + String.join(", ", e.getValue())).toList()) + "): one precinct's day is reconciled alone, "
                + "and its desk takes no code of another [token.reconcile.otherPrecinct]");
        Reconciliation.Report report = Reconciliation.reconcile(issued, redeemed);
        for (Reconciliation.Mismatch mismatch : report.mismatches()) {
            out.println("MISMATCH\t" + mismatch.kind() + "\t" + mismatch.id() + "\t" + String.join(", ",
                    mismatch.where()));
        }
        out.println((report.exact() ? "ok" : "FAILED") + "\treconciliation\t" + bundles.size() + " kiosk bundles, "
                + ledgers.size() + " desk ledgers: " + report.describe());
        boolean exact = bundlesVerified && onePrecinct && report.exact();
        out.println(exact ? "reconciliation exact" : "reconciliation NOT exact");
        out.flush();
        return exact ? KioskCommandLine.OK : KioskCommandLine.FAILED;
    }

    private static String firstFailure(BundleVerifier.Result result) {
        return result.checks().stream().filter(c -> !c.passed()).findFirst()
                .map(c -> c.name() + ": " + c.message()).orElse("");
    }
}
