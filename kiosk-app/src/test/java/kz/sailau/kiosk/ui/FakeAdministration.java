package kz.sailau.kiosk.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;
import kz.sailau.kiosk.checkin.ClerkId;
import kz.sailau.kiosk.clerk.ClerkEntry;
import kz.sailau.kiosk.clerk.ClerkState;

/**
 * The administrator's actions for screen tests, every capability present unless switched off: accepts the TEST
 * passphrase; the register load reports 25 % and then refuses as not signed (or loads, when told); closing the
 * day may be held until the test releases it; the wipe and the test end are counted; a roster in memory; device
 * settings that refuse a shared port. Everything is recorded for the assertions; no file is written.
 */
class FakeAdministration implements AdministratorActions {

    static final String PASSPHRASE = "TEST passphrase";

    boolean registerLoading = true;
    boolean dayClosing = true;
    boolean logicAccuracy = true;
    boolean clerks = true;
    boolean devices = true;
    volatile boolean loadSucceeds;
    volatile boolean closed;
    volatile CountDownLatch closeRelease = new CountDownLatch(0);
    /** The ports present are reported once the test releases this (at once unless a test holds it). */
    volatile CountDownLatch portsRelease = new CountDownLatch(0);
    volatile Optional<String> voterScreensBlocked = Optional.empty();
    volatile LogicAccuracyTesting.Status testStatus = LogicAccuracyTesting.Status.IDLE;
    RemovableMedia media = new RemovableMedia(List.of("/nonexistent-sailau-media/*"));
    /** The reports pane's printer, or none (the kiosk then offers no reports pane). */
    volatile ReportPrinting reports;
    final AtomicInteger exits = new AtomicInteger();
    final AtomicInteger closes = new AtomicInteger();
    final AtomicInteger wipes = new AtomicInteger();
    final AtomicInteger testEnds = new AtomicInteger();
    final List<Path> loaded = new CopyOnWriteArrayList<>();
    final List<ClerkEntry> roster = new CopyOnWriteArrayList<>(List.of(
            new ClerkEntry(new ClerkId("C01"), ClerkState.ACTIVE, 0),
            new ClerkEntry(new ClerkId("C02"), ClerkState.LOCKED, 5)));

    @Override
    public Optional<ReportPrinting> reportPrinting() {
        return Optional.ofNullable(reports);
    }

    @Override
    public void unlock(char[] passphrase) throws AdministratorException {
        if (!new String(passphrase).equals(PASSPHRASE)) {
            throw new AdministratorException("crypto.error.wrongPassphrase", "wrong (test)");
        }
    }

    @Override
    public void exitKiosk() {
        exits.incrementAndGet();
    }

    @Override
    public Optional<String> voterScreensBlocked() {
        return voterScreensBlocked;
    }

    @Override
    public RemovableMedia removableMedia() {
        return media;
    }

    @Override
    public Optional<RegisterLoading> registerLoading() {
        if (!registerLoading) {
            return Optional.empty();
        }
        return Optional.of((file, progress) -> {
            progress.accept(0.25);
            if (!loadSucceeds) {
                throw new AdministratorException("register.error.signature", "bad signature (test)");
            }
            loaded.add(file);
            progress.accept(1);
            return new RegisterLoading.Loaded("DEMO-2026", 101, 2, 1);
        });
    }

    @Override
    public Optional<DayClosing> dayClosing() {
        if (!dayClosing) {
            return Optional.empty();
        }
        return Optional.of(new DayClosing() {
            @Override
            public Path defaultBundlePath() {
                return Path.of("/var/lib/sailau/day-bundle.json");
            }

            @Override
            public boolean dayClosed() {
                return closed;
            }

            @Override
            public DayClosed closeDay(Path bundle) throws AdministratorException {
                try {
                    if (!closeRelease.await(20, TimeUnit.SECONDS)) {
                        throw new AdministratorException("admin.error.closeDay", "not released (test)");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                closes.incrementAndGet();
                closed = true;
                return new DayClosed(bundle, 1, 1, 0, true);
            }

            @Override
            public Wiped wipe(char[] passphrase) throws AdministratorException {
                if (!new String(passphrase).equals(PASSPHRASE)) {
                    throw new AdministratorException("admin.error.passphrase", "wrong (test)");
                }
                wipes.incrementAndGet();
                return new Wiped(40, 80, 12);
            }
        });
    }

    @Override
    public Optional<LogicAccuracyTesting> logicAccuracyTesting() {
        if (!logicAccuracy) {
            return Optional.empty();
        }
        return Optional.of(new LogicAccuracyTesting() {
            @Override
            public Status status() {
                return testStatus;
            }

            @Override
            public Path defaultTestPackagePath() {
                return Path.of("/var/lib/sailau/la-test-register.srp");
            }

            @Override
            public Status start(Path testPackage, DoubleConsumer progress) {
                progress.accept(0.5);
                testStatus = new Status(true, false, 4, 0, 0, 0, 0);
                return testStatus;
            }

            @Override
            public Status end() throws AdministratorException {
                if (!testStatus.active()) {
                    throw new AdministratorException("la.error.notRunning", "not running (test)");
                }
                testEnds.incrementAndGet();
                Status ended = testStatus;
                testStatus = Status.IDLE;
                return ended;
            }
        });
    }

    @Override
    public Optional<ClerkRosterActions> clerkRoster() {
        if (!clerks) {
            return Optional.empty();
        }
        return Optional.of(new ClerkRosterActions() {
            @Override
            public List<ClerkEntry> clerks() {
                return new ArrayList<>(roster);
            }

            @Override
            public void addClerk(String login, char[] pin) throws AdministratorException {
                if (pin.length < 6) {
                    throw new AdministratorException("clerk.error.pinTooShort", "short (test)");
                }
                roster.add(new ClerkEntry(new ClerkId(login), ClerkState.ACTIVE, 0));
            }

            @Override
            public void resetClerkPin(String login, char[] pin) {
                roster.replaceAll(e -> e.login().value().equals(login)
                        ? new ClerkEntry(e.login(), ClerkState.ACTIVE, 0) : e);
            }

            @Override
            public void removeClerk(String login) {
                roster.replaceAll(e -> e.login().value().equals(login)
                        ? new ClerkEntry(e.login(), ClerkState.REMOVED, 0) : e);
            }
        });
    }

    @Override
    public Optional<DeviceSettingsActions> deviceSettingsActions() {
        if (!devices) {
            return Optional.empty();
        }
        return Optional.of(new DeviceSettingsActions() {
            @Override
            public Map<Device, PortSetting> current() {
                return DeviceSettingsActions.ordered(Map.of(Device.SCANNER, new PortSetting("/dev/sailau-scanner",
                        57_600), Device.MRZ_READER, new PortSetting("/dev/sailau-mrz", 9_600),
                        Device.PRINTER, new PortSetting("/dev/sailau-printer", 19_200)));
            }

            @Override
            public List<Integer> baudRates(Device device) {
                return List.of(9_600, 19_200, 57_600, 115_200);
            }

            @Override
            public List<String> presentPorts() {
                try {
                    portsRelease.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return List.of("/dev/ttyUSB0", "/dev/ttyUSB1");
            }

            @Override
            public String test(Device device, PortSetting setting) {
                return "admin.devices.test.portOpens";
            }

            @Override
            public String save(Map<Device, PortSetting> settings) throws InvalidSettingsException {
                throw new InvalidSettingsException(List.of(new FieldProblem(Device.PRINTER, Field.PORT,
                        "admin.devices.error.portShared")));
            }

            @Override
            public String appliesKey() {
                return "admin.devices.appliesRestart";
            }
        });
    }
}
