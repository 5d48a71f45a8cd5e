package kz.sailau.kiosk.app.simulate;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import kz.sailau.fingerprint.emulator.Fault;
import kz.sailau.kiosk.app.assembly.EngineWatch;
import kz.sailau.kiosk.app.demo.DemoData;
import kz.sailau.kiosk.app.demo.DemoKiosk;
import kz.sailau.kiosk.audit.IssuedToken;
import kz.sailau.kiosk.checkin.CheckInEngine;
import kz.sailau.kiosk.checkin.CheckInEvent;
import kz.sailau.kiosk.checkin.CheckInMethod;
import kz.sailau.kiosk.checkin.CheckInState;
import kz.sailau.kiosk.checkin.ClerkReason;
import kz.sailau.kiosk.checkin.Counters;
import kz.sailau.kiosk.checkin.OverrideReason;
import kz.sailau.kiosk.checkin.Refusal;
import kz.sailau.kiosk.devices.printer.ReceiptPrinterEmulator;
import kz.sailau.kiosk.model.FingerPosition;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.mrz.MrzWriter;

/**
 * Runs N voter visits through the demo kiosk's engine, one after another, with every choice drawn from a
 * {@link Random} seeded by {@code --seed}: the same seed gives the same visits, the same fingers and the same
 * faults. The run acts only as voters, clerks and the hands that unplug or refill the emulated devices: it
 * swipes cards on the emulated reader and touches fingers on the emulated scanner, and waits for the engine,
 * which drives the devices itself as on election day. Counts every outcome and reconciles the ledger with the
 * issued tokens.
 *
 * <p>The schedule: every voter of the demo register once plus one outsider (a card not on this precinct's
 * register: the rest of the demo set and its precinct-102 voter) per six visits, shuffled; after that, repeat
 * visitors (voters already checked in) and, one visit in six, more outsiders. About one registered voter in seven presents another voter's finger
 * (all tries fail; the clerk overrides with a fixed reason). About one first visit in ten and half of the
 * repeat visitors and outsiders press "I have no card" and are identified by fingerprint (1:N). With faults: about one visit in eight finds the
 * printer out of paper (the clerk refills, voids the token and reprints), one in eight has the scanner unplugged
 * mid-upload (it comes back; the clerk lets the voter try again), and one in twelve is checked in by the clerk in manual
 * fallback mode.
 */
final class SimulateRun {

    private static final Duration STEP = Duration.ofSeconds(20);
    private static final OverrideReason NOT_RECOGNISED_REASON = OverrideReason.WORN_FINGERPRINTS;
    private static final OverrideReason SWAP_REASON = OverrideReason.RELATIVE_CONFUSION;

    /** A person who comes to the kiosk: a card and the finger images they present. */
    private record Person(String key, Iin iin, String mrz, List<BufferedImage> live, boolean registered) {
        @Override
        public String toString() {
            return "Person[" + key + "]";
        }
    }

    /** What the run counted. */
    static final class Tally {
        final Map<CheckInMethod, Integer> checkedIn = new EnumMap<>(CheckInMethod.class);
        final Map<Refusal, Integer> refused = new EnumMap<>(Refusal.class);
        final Map<ClerkReason, Integer> cancelled = new EnumMap<>(ClerkReason.class);
        int visits;
        int overrides;
        int wrongFingerVisits;
        int captures;
        int scannerRetries;
        int paperOuts;
        int receiptsVerified;
        int fallbackVisits;
        int cardlessVisits;
        long ledgerCheckIns;
        long tokensIssued;
        long tokensVoided;
        Counters counters = Counters.ZERO;

        int checkedInTotal() {
            return checkedIn.values().stream().mapToInt(Integer::intValue).sum();
        }

        int refusedTotal() {
            return refused.values().stream().mapToInt(Integer::intValue).sum();
        }

        int cancelledTotal() {
            return cancelled.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** Whether ledger, tokens and the visit outcomes agree. */
        boolean reconciles() {
            return ledgerCheckIns == tokensIssued - tokensVoided
                    && ledgerCheckIns == checkedInTotal()
                    && counters.voidedTokens() == tokensVoided
                    && visits == checkedInTotal() + refusedTotal() + cancelledTotal();
        }
    }

    private final DemoKiosk kiosk;
    private final EngineWatch watch;
    private final Random random;
    private final boolean faults;
    private final Tally tally = new Tally();
    private final List<Person> registered = new ArrayList<>();
    private final List<Person> outsiders = new ArrayList<>();
    private final List<Person> checkedIn = new ArrayList<>();

    SimulateRun(DemoKiosk kiosk, long seed, boolean faults) throws IOException {
        this.kiosk = kiosk;
        this.watch = EngineWatch.on(kiosk.engine());
        this.random = new Random(seed);
        this.faults = faults;
        for (DemoData.DemoVoter voter : kiosk.data().voters()) {
            registered.add(new Person(voter.key(), voter.iin(), DemoKiosk.mrz(voter), voter.liveImages(), true));
        }
        loadOutsiders(kiosk.data().directory().resolve("demo-set"));
    }

    /** The demo-set voters that are not in the register (and the precinct-102 voter of voters-bad.csv). */
    private void loadOutsiders(Path set) throws IOException {
        Set<String> inRegister = new HashSet<>();
        registered.forEach(p -> inRegister.add(p.key()));
        Map<String, String[]> documents = new HashMap<>();
        List<String> documentLines = Files.readAllLines(set.resolve("documents.csv"), StandardCharsets.UTF_8);
        for (String line : documentLines.subList(1, documentLines.size())) {
            String[] f = line.split(",");
            documents.put(f[0], f);
        }
        List<String> rows = new ArrayList<>(Files.readAllLines(set.resolve("voters.csv"), StandardCharsets.UTF_8));
        rows.remove(0);
        List<String> bad = Files.readAllLines(set.resolve("voters-bad.csv"), StandardCharsets.UTF_8);
        rows.add(bad.get(bad.size() - 1).isBlank() ? bad.get(bad.size() - 2) : bad.get(bad.size() - 1));
        for (String row : rows) {
            if (row.isBlank()) {
                continue;
            }
            String[] f = row.split(",", -1);
            if (inRegister.contains(f[0])) {
                continue;
            }
            LocalDate birth = LocalDate.parse(f[5]);
            String[] document = documents.get(f[0]);
            String number = document == null ? "0" + f[1].substring(0, 8) : document[1];
            LocalDate expiry = document == null ? LocalDate.of(2031, 1, 1) : LocalDate.parse(document[2]);
            Iin iin = new Iin(f[1]);
            String mrz = MrzWriter.text(new MrzWriter.Card("KAZ", number, iin, birth, Optional.empty(), expiry, "KAZ",
                    f[2], f[3]));
            Path prints = set.resolve("prints").resolve(f[0]);
            List<BufferedImage> live = new ArrayList<>();
            live.add(ImageIO.read(prints.resolve(FingerPosition.RIGHT_INDEX.fileName() + "_live_1.png").toFile()));
            outsiders.add(new Person(f[0], iin, mrz, live, false));
        }
    }

    /** Runs {@code visits} visits; {@code progress} gets a line every {@code every} visits (0: never). */
    Tally run(int visits, PrintStream progress, int every) throws Exception {
        List<Person> firstVisits = new ArrayList<>(registered);
        int outsiderCount = Math.max(1, visits / 6);
        List<Person> pool = new ArrayList<>(outsiders);
        Collections.shuffle(pool, random);
        firstVisits.addAll(pool.subList(0, Math.min(outsiderCount, pool.size())));
        Collections.shuffle(firstVisits, random);
        for (int i = 0; i < visits; i++) {
            Person person;
            int draw = random.nextInt(6);
            if (i < firstVisits.size()) {
                person = firstVisits.get(i);
            } else if (draw == 0 || checkedIn.isEmpty()) {
                person = outsiders.get(random.nextInt(outsiders.size()));
            } else {
                person = checkedIn.get(random.nextInt(checkedIn.size()));
            }
            visit(person);
            if (every > 0 && (i + 1) % every == 0) {
                progress.printf("simulate: %d of %d visits%n", i + 1, visits);
            }
        }
        tally.counters = kiosk.electionDay().counters();
        tally.ledgerCheckIns = tally.counters.checkIns();
        List<IssuedToken> issued = kiosk.electionDay().assembly().database().read(IssuedToken::readAll);
        tally.tokensVoided = issued.stream().filter(IssuedToken::voided).count();
        tally.tokensIssued = issued.size();
        return tally;
    }

    private void visit(Person person) throws Exception {
        tally.visits++;
        // Every draw happens for every visit, so that one choice does not shift the others.
        boolean wrongFinger = random.nextInt(7) == 0 && person.registered();
        boolean paperOut = random.nextInt(8) == 0 && faults;
        boolean unplug = random.nextInt(8) == 0 && faults;
        boolean fallback = random.nextInt(12) == 0 && faults && person.registered() && !wrongFinger;
        boolean cardless = random.nextInt(checkedIn.contains(person) || !person.registered() ? 2 : 10) == 0
                && !wrongFinger && !fallback;
        List<BufferedImage> fingers = person.live();
        if (wrongFinger) {
            Person other = registered.get((registered.indexOf(person) + 1 + random.nextInt(registered.size() - 1))
                    % registered.size());
            fingers = other.live();
        }
        // The paper runs out before the voter arrives: the engine prints the token at once and must notice.
        kiosk.printerEmulator().setPaperOut(paperOut);
        CheckInState state;
        if (fallback) {
            tally.fallbackVisits++;
            clerk(new CheckInEvent.ClerkStartsFallback(DemoKiosk.CLERK));
            state = clerk(new CheckInEvent.ClerkEnteredIin(DemoKiosk.CLERK, person.iin()));
        } else if (cardless) {
            tally.cardlessVisits++;
            state = engine().submit(new CheckInEvent.CardlessRequested());
        } else {
            CheckInState idle = watch.state();
            kiosk.presentCard(person.mrz());
            state = watch.awaitNext(idle, STEP);
        }
        int capture = 0;
        boolean unplugPending = unplug;
        int plugs = 0;
        while (true) {
            if (state instanceof CheckInState.AwaitingFinger) {
                if (wrongFinger && capture == 0) {
                    tally.wrongFingerVisits++;
                }
                if (unplugPending) {
                    unplugPending = false;
                    plugs = kiosk.scannerEmulator().plugCount();
                    kiosk.scannerEmulator().inject(new Fault.Disconnect(5_000, Duration.ofMillis(50)));
                }
                kiosk.devices().touch(fingers.get(capture % fingers.size()));
                CheckInState answer = watch.awaitNext(state, STEP);
                if (!scannerFault(answer)) {
                    capture++;
                    tally.captures++;
                }
                state = answer;
            } else if (state instanceof CheckInState.NeedsClerk needs) {
                if (needs.reason() == ClerkReason.SCANNER_FAULT) {
                    // The clerk plugs the scanner back in (the emulator does it by itself) and lets the voter retry.
                    awaitReplug(plugs + 1);
                    tally.scannerRetries++;
                    state = clerk(new CheckInEvent.ClerkAllowsRetry(DemoKiosk.CLERK));
                } else if (needs.reason() == ClerkReason.FINGER_NOT_RECOGNISED
                        || needs.reason() == ClerkReason.IDENTITY_SWAP) {
                    OverrideReason reason = needs.reason() == ClerkReason.IDENTITY_SWAP ? SWAP_REASON
                            : NOT_RECOGNISED_REASON;
                    CheckInState after = clerk(new CheckInEvent.ClerkOverride(DemoKiosk.CLERK, reason));
                    if (after instanceof CheckInState.TokenIssued) {
                        tally.overrides++;
                    }
                    state = after;
                } else if (needs.reason() == ClerkReason.CONFIRM_IDENTITY) {
                    // The clerk compares name and birth date with the voter (the simulated voter is who they say).
                    state = clerk(new CheckInEvent.ClerkConfirmedIdentity(DemoKiosk.CLERK));
                } else {
                    tally.cancelled.merge(needs.reason(), 1, Integer::sum);
                    state = clerk(new CheckInEvent.ClerkCancels(DemoKiosk.CLERK));
                    break;
                }
            } else if (state instanceof CheckInState.TokenIssued issued) {
                printedAndChecked(issued, paperOut);
                tally.checkedIn.merge(issued.method(), 1, Integer::sum);
                if (!checkedIn.contains(person)) {
                    checkedIn.add(person);
                }
                state = engine().submit(new CheckInEvent.Acknowledged());
                break;
            } else if (state instanceof CheckInState.Refused refused) {
                tally.refused.merge(refused.refusal(), 1, Integer::sum);
                state = engine().submit(new CheckInEvent.Acknowledged());
                break;
            } else {
                throw new IllegalStateException("simulate: unexpected state " + state.getClass().getSimpleName());
            }
        }
        kiosk.printerEmulator().setPaperOut(false);
        if (fallback) {
            state = clerk(new CheckInEvent.ClerkEndsFallback(DemoKiosk.CLERK));
        }
        if (!(state instanceof CheckInState.AwaitingCard)) {
            throw new IllegalStateException("simulate: the visit did not end idle but in "
                    + state.getClass().getSimpleName());
        }
    }

    private static boolean scannerFault(CheckInState state) {
        return state instanceof CheckInState.NeedsClerk needs && needs.reason() == ClerkReason.SCANNER_FAULT;
    }

    private CheckInEngine engine() {
        return kiosk.engine();
    }

    private CheckInState clerk(CheckInEvent.ClerkEvent event) {
        return engine().submitAsClerk(event, DemoKiosk.CLERK_PIN.toCharArray());
    }

    private void awaitReplug(int plugs) throws InterruptedException {
        long deadline = System.nanoTime() + STEP.toNanos();
        while (!(kiosk.scannerEmulator().plugCount() >= plugs && kiosk.scannerEmulator().isPluggedIn())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("simulate: the scanner emulator did not come back");
            }
            Thread.sleep(10);
        }
    }

    /**
     * Waits for the engine's receipt; when the paper was out, checks the engine noticed, refills, and lets the
     * clerk void the token and the engine print the new one; checks the printed QR.
     */
    private void printedAndChecked(CheckInState.TokenIssued issued, boolean paperOut) throws Exception {
        CheckInState.TokenIssued printed = receiptOf(issued);
        if (paperOut) {
            if (!(printed.printout() instanceof CheckInState.Printout.NotPrinted)) {
                throw new IllegalStateException("simulate: the printer printed without paper");
            }
            tally.paperOuts++;
            kiosk.printerEmulator().setPaperOut(false);
            CheckInState replaced = clerk(new CheckInEvent.ClerkVoidsToken(DemoKiosk.CLERK));
            if (!(replaced instanceof CheckInState.TokenIssued again) || again.token().equals(issued.token())) {
                throw new IllegalStateException("simulate: voiding did not issue a new token");
            }
            printed = receiptOf(again);
        }
        if (!(printed.printout() instanceof CheckInState.Printout.Printed)) {
            throw new IllegalStateException("simulate: the receipt was not printed: " + printed.printout());
        }
        ReceiptPrinterEmulator.PrintedReceipt receipt = kiosk.printerEmulator().nextReceipt(STEP.toSeconds(),
                TimeUnit.SECONDS);
        if (receipt == null || !receipt.qrPayloads().contains(printed.token().qrPayload())) {
            throw new IllegalStateException("simulate: the printed receipt does not carry the token");
        }
        tally.receiptsVerified++;
    }

    /** The token screen once the printer answered for {@code issued}'s receipt. */
    private CheckInState.TokenIssued receiptOf(CheckInState.TokenIssued issued) throws InterruptedException {
        return (CheckInState.TokenIssued) watch.await("the receipt of the token", s -> s instanceof CheckInState.TokenIssued t
                && t.token().equals(issued.token()) && !(t.printout() instanceof CheckInState.Printout.Printing), STEP);
    }

    /** Writes the counts, one per line, and the reconciliation line. */
    static void report(Tally t, PrintStream out) {
        out.printf("visits: %d%n", t.visits);
        out.printf("checked in: %d (fingerprint %d, clerk override %d, fallback %d, card-less %d)%n",
                t.checkedInTotal(), t.checkedIn.getOrDefault(CheckInMethod.FINGERPRINT, 0),
                t.checkedIn.getOrDefault(CheckInMethod.CLERK_OVERRIDE, 0),
                t.checkedIn.getOrDefault(CheckInMethod.FALLBACK, 0),
                t.checkedIn.getOrDefault(CheckInMethod.CARDLESS_FINGERPRINT, 0));
        out.printf("refused: %d%n", t.refusedTotal());
        for (Refusal reason : Refusal.values()) {
            out.printf("  refused %s: %d%n", reason.name(), t.refused.getOrDefault(reason, 0));
        }
        out.printf("cancelled by the clerk: %d%s%n", t.cancelledTotal(), t.cancelled.isEmpty() ? "" : " " + t.cancelled);
        out.printf("overrides: %d (wrong-finger visits %d)%n", t.overrides, t.wrongFingerVisits);
        out.printf("captures: %d; card-less visits: %d; scanner unplugged and retried: %d; printer out of paper: %d;"
                + " fallback visits: %d%n", t.captures, t.cardlessVisits, t.scannerRetries, t.paperOuts,
                t.fallbackVisits);
        out.printf("receipts printed and checked: %d%n", t.receiptsVerified);
        out.printf("tokens issued: %d; voided: %d; ledger check-ins: %d%n", t.tokensIssued, t.tokensVoided,
                t.ledgerCheckIns);
        out.printf("check-ins = tokens issued - voided: %s%n", t.reconciles() ? "OK"
                : "MISMATCH (" + t.ledgerCheckIns + " != " + t.tokensIssued + " - " + t.tokensVoided + ")");
    }
}
