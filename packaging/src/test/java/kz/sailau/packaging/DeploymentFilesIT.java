package kz.sailau.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kiosk deployment files under packaging/deploy: systemd unit, udev rules, install script. */
class DeploymentFilesIT {

    private static final Path DEPLOY = Path.of(System.getProperty("sailau.packaging.dir", "."), "deploy");

    @Test
    void systemdAcceptsTheUnit(@TempDir Path temp) throws Exception {
        String unit = Files.readString(DEPLOY.resolve("sailau-kiosk.service"));
        String session = "/opt/sailau-kiosk/lib/app/deploy/sailau-session";
        assertTrue(unit.lines().anyMatch(("ExecStart=" + session + " --config /etc/sailau/kiosk.json")::equals), unit);
        for (String directive : List.of("User=sailau", "Restart=on-failure", "RestartSec=2", "StartLimitBurst=5",
                "PrivateNetwork=yes", "IPAddressDeny=any", "NoNewPrivileges=yes", "ProtectHome=yes",
                "RuntimeDirectory=sailau-kiosk", "Environment=XDG_RUNTIME_DIR=/run/sailau-kiosk",
                "Environment=LIBSEAT_BACKEND=seatd", "Environment=WLR_RENDERER=pixman", "Wants=seatd.service",
                "KillMode=mixed",
                "Conflicts=getty@tty1.service", "OnFailure=getty@tty1.service", "SyslogIdentifier=sailau-kiosk",
                "ExecStopPost=+/bin/sh -c 'if [ \"$$SERVICE_RESULT\" = success ] && ! systemctl list-jobs --no-legend "
                        + "sailau-kiosk.service | grep -q \" restart \"; then systemctl --no-block start "
                        + "getty@tty1.service; fi'")) {
            assertTrue(unit.lines().anyMatch(directive::equals), "the unit has " + directive);
        }
        // No logind login session: it would move cage and the kiosk out of the unit (their journal, IPAddressDeny)
        // and start 'systemd --user' and a session bus beside them (decision 0160).
        assertTrue(unit.lines().noneMatch(line -> line.startsWith("PAMName=")), "no PAM session");
        // OnSuccess= also fires between the stop and the start of an automatic restart (seen in the boot test).
        assertTrue(unit.lines().noneMatch(line -> line.startsWith("OnSuccess=")), "no login prompt at each restart");
        // systemd-analyze also checks that ExecStart's program exists: the copy points at the source tree's script.
        Path copy = temp.resolve("sailau-kiosk.service");
        Files.writeString(copy, unit.replace(session, DEPLOY.resolve("sailau-session").toAbsolutePath().toString()));
        Result verify = run(List.of("systemd-analyze", "verify", copy.toString()), temp);
        assertEquals(0, verify.exit(), "systemd-analyze verify:\n" + verify.output());
        assertEquals("", verify.output().strip(), "systemd-analyze has no warning");
    }

    @Test
    void udevRulesNameEachDeviceForTheKioskUser() throws IOException {
        List<String> rules = Files.readAllLines(DEPLOY.resolve("60-sailau-serial.rules")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        Pattern key = Pattern.compile("(SUBSYSTEM|ATTRS\\{\\w+}|KERNELS|ENV\\{\\w+})==\"[^\"]*\""
                + "|(SYMLINK\\+|GROUP|MODE|ENV\\{\\w+})=\"[^\"]*\"");
        for (String rule : rules) {
            for (String pair : rule.split(",\\s*")) {
                assertTrue(key.matcher(pair).matches(), "a well-formed udev key: '" + pair + "' in " + rule);
            }
            assertTrue(rule.contains("GROUP=\"sailau\"") && rule.contains("MODE=\"0660\""), rule);
            assertTrue(rule.startsWith("SUBSYSTEM==\"tty\""), rule);
        }
        assertEquals(List.of("sailau-scanner", "sailau-mrz", "sailau-printer"), rules.stream()
                .map(rule -> rule.replaceAll(".*SYMLINK\\+=\"([^\"]+)\".*", "$1")).toList());
    }

    @Test
    void lockDownSettingsAreWellFormed() throws IOException {
        List<String> sysctl = settings(DEPLOY.resolve("60-sailau-kiosk-sysctl.conf"));
        assertEquals(List.of("kernel.sysrq = 0"), sysctl, "no magic SysRq key");
        List<String> logind = settings(DEPLOY.resolve("60-sailau-kiosk-logind.conf"));
        assertEquals(List.of("[Login]", "NAutoVTs=0", "ReserveVT=0"), logind, "no login prompt on another console");
        // The keys exist in this systemd's logind.conf (the shipped file lists every key, commented out).
        Path shipped = Path.of("/etc/systemd/logind.conf");
        assertTrue(Files.exists(shipped), "systemd's logind.conf on the build machine (systemd is needed here)");
        String known = Files.readString(shipped);
        assertTrue(known.contains("#NAutoVTs=") && known.contains("#ReserveVT="), "logind knows the keys");
    }

    private static List<String> settings(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    @Test
    void installScriptPutsTheFilesInPlace(@TempDir Path root) throws Exception {
        Result install = run(List.of("bash", DEPLOY.resolve("install-kiosk.sh").toString(), "--root", root.toString()),
                root);
        assertEquals(0, install.exit(), install.output());
        assertEquals(Files.readString(DEPLOY.resolve("sailau-kiosk.service")),
                Files.readString(root.resolve("etc/systemd/system/sailau-kiosk.service")));
        assertEquals(Files.readString(DEPLOY.resolve("60-sailau-serial.rules")),
                Files.readString(root.resolve("etc/udev/rules.d/60-sailau-serial.rules")));
        assertEquals(Files.readString(DEPLOY.resolve("kiosk.json")), Files.readString(root.resolve("etc/sailau/kiosk.json")));
        assertTrue(Files.isDirectory(root.resolve("var/lib/sailau/data")));
        assertEquals(Files.readString(DEPLOY.resolve("60-sailau-kiosk-sysctl.conf")),
                Files.readString(root.resolve("etc/sysctl.d/60-sailau-kiosk.conf")));
        assertEquals(Files.readString(DEPLOY.resolve("60-sailau-kiosk-logind.conf")),
                Files.readString(root.resolve("etc/systemd/logind.conf.d/60-sailau-kiosk.conf")));
        assertEquals(Path.of("/dev/null"), Files.readSymbolicLink(root.resolve("etc/systemd/system/ctrl-alt-del.target")),
                "Ctrl+Alt+Del masked");

        Files.writeString(root.resolve("etc/sailau/kiosk.json"), "{\"precinct\": 7}");
        Files.writeString(root.resolve("etc/udev/rules.d/60-sailau-serial.rules"), "# edited for this kiosk\n");
        assertEquals(0, run(List.of("bash", DEPLOY.resolve("install-kiosk.sh").toString(), "--root", root.toString()),
                root).exit());
        assertEquals("{\"precinct\": 7}", Files.readString(root.resolve("etc/sailau/kiosk.json")),
                "an existing kiosk.json is kept");
        assertEquals("# edited for this kiosk\n", Files.readString(root.resolve("etc/udev/rules.d/60-sailau-serial.rules")),
                "the administrator's udev rules are kept on an update");
    }

    @Test
    void aKioskOfAPrecinctNetworkGetsThatInterfaceAndNetworkOnly(@TempDir Path temp) throws Exception {
        Path root = Files.createDirectories(temp.resolve("root"));
        String install = DEPLOY.resolve("install-kiosk.sh").toString();
        Result node = run(List.of("bash", install, "--root", root.toString(), "--precinct-network", "10.77.0.0/24",
                "--precinct-interface", "enp2s0"), root);
        assertEquals(0, node.exit(), node.output());
        Path dropIn = root.resolve("etc/systemd/system/sailau-kiosk.service.d/60-precinct-network.conf");
        assertEquals(List.of("[Service]", "PrivateNetwork=no",
                "RestrictAddressFamilies=AF_UNIX AF_NETLINK AF_INET AF_INET6", "IPAddressDeny=any",
                "IPAddressAllow=10.77.0.0/24", "RestrictNetworkInterfaces=enp2s0"), settings(dropIn));

        // systemd reads the unit with the drop-in beside it and finds nothing to warn about.
        Path units = Files.createDirectories(temp.resolve("units"));
        String session = "/opt/sailau-kiosk/lib/app/deploy/sailau-session";
        Files.writeString(units.resolve("sailau-kiosk.service"),
                Files.readString(DEPLOY.resolve("sailau-kiosk.service"))
                        .replace(session, DEPLOY.resolve("sailau-session").toAbsolutePath().toString()));
        Files.createDirectories(units.resolve("sailau-kiosk.service.d"));
        Files.copy(dropIn, units.resolve("sailau-kiosk.service.d/60-precinct-network.conf"));
        Result verify = run(List.of("systemd-analyze", "verify", "./sailau-kiosk.service"), units);
        assertEquals(0, verify.exit(), "systemd-analyze verify:\n" + verify.output());
        assertEquals("", verify.output().strip(), "systemd-analyze has no warning for the drop-in");

        // An update keeps it; --standalone removes it.
        assertEquals(0, run(List.of("bash", install, "--root", root.toString()), root).exit());
        assertTrue(Files.exists(dropIn), "an update keeps the precinct drop-in");
        assertEquals(0, run(List.of("bash", install, "--root", root.toString(), "--standalone"), root).exit());
        assertFalse(Files.exists(dropIn.getParent()), "--standalone removes the drop-in and its directory");

        // Every bad value: one line, exit 2, nothing written.
        for (List<String> bad : List.of(List.of("--precinct-network", "10.77.0.0/24"),
                List.of("--precinct-interface", "enp2s0"),
                List.of("--precinct-network", "8.8.8.0/24", "--precinct-interface", "enp2s0"),
                List.of("--precinct-network", "10.77.0.0/8", "--precinct-interface", "enp2s0"),
                List.of("--precinct-network", "10.77.0.300/24", "--precinct-interface", "enp2s0"),
                List.of("--precinct-network", "10.77.0.0/24", "--precinct-interface", "enp2s0;reboot"),
                List.of("--precinct-network", "10.77.0.0/24", "--precinct-interface", "lo"),
                List.of("--standalone", "--precinct-network", "10.77.0.0/24", "--precinct-interface", "enp2s0"),
                List.of("--precinct-network"))) {
            Path empty = Files.createDirectories(temp.resolve("empty-" + bad.hashCode()));
            List<String> command = new ArrayList<>(List.of("bash", install, "--root", empty.toString()));
            command.addAll(bad);
            Result refused = run(command, empty);
            assertEquals(2, refused.exit(), bad + ": " + refused.output());
            assertEquals(1, refused.output().strip().lines().count(), bad + ": one line: " + refused.output());
            assertTrue(refused.output().startsWith("install-kiosk.sh: --"), bad + ": " + refused.output());
            try (var left = Files.list(empty)) {
                assertEquals(0, left.count(), bad + ": nothing written");
            }
        }
    }

    /**
     * The ballot desk and the clerk station have units of their own with the kiosk's lock-down line for line (only
     * the writable paths differ: no /etc/sailau), installed with {@code --role} and the precinct drop-in beside
     * them; systemd accepts each with its drop-in; a desk or station without a precinct network is refused.
     */
    @Test
    void theBallotDeskAndTheClerkStationGetTheirOwnUnitsWithTheKiosksLockDown(@TempDir Path temp) throws Exception {
        List<String> kioskLockDown = lockDown(Files.readString(DEPLOY.resolve("sailau-kiosk.service")));
        assertTrue(kioskLockDown.contains("PrivateNetwork=yes") && kioskLockDown.contains("IPAddressDeny=any"),
                kioskLockDown.toString());
        String install = DEPLOY.resolve("install-kiosk.sh").toString();
        String session = "/opt/sailau-kiosk/lib/app/deploy/sailau-session";
        String launcher = "/opt/sailau-kiosk/bin/sailau-kiosk";
        for (String[] role : new String[][] {
                {"desk", "sailau-ballot-desk", "ExecStart=" + launcher
                        + " token desk --dir /var/lib/sailau/node $SAILAU_DESK_OPTIONS"},
                {"clerk", "sailau-clerk-station", "ExecStart=" + session + " --dir /var/lib/sailau/node"}}) {
            String unit = Files.readString(DEPLOY.resolve(role[1] + ".service"));
            List<String> lockDown = lockDown(unit);
            assertEquals(kioskLockDown.stream().map(line -> line.startsWith("ReadWritePaths=")
                    ? "ReadWritePaths=/var/lib/sailau" : line).toList(), lockDown, role[1] + ": the kiosk's lock-down");
            for (String directive : List.of(role[2], "User=sailau", "Restart=on-failure", "StartLimitBurst=5",
                    "Conflicts=getty@tty1.service", "SyslogIdentifier=" + role[1])) {
                assertTrue(unit.lines().anyMatch(directive::equals), role[1] + " has " + directive);
            }
            Path root = Files.createDirectories(temp.resolve(role[0]));
            Result installed = run(List.of("bash", install, "--root", root.toString(), "--role", role[0],
                    "--precinct-network", "10.77.0.0/24", "--precinct-interface", "enp2s0"), root);
            assertEquals(0, installed.exit(), installed.output());
            assertEquals(unit, Files.readString(root.resolve("etc/systemd/system/" + role[1] + ".service")));
            assertFalse(Files.exists(root.resolve("etc/systemd/system/sailau-kiosk.service")), "not the kiosk's");
            assertFalse(Files.exists(root.resolve("etc/sailau/kiosk.json")), "no kiosk configuration");
            Path deskOptions = root.resolve("etc/sailau/ballot-desk.conf");
            assertEquals(role[0].equals("desk"), Files.exists(deskOptions), "the desk's options, for the desk only");
            if (role[0].equals("desk")) {
                assertTrue(unit.lines().anyMatch("EnvironmentFile=/etc/sailau/ballot-desk.conf"::equals), unit);
                assertTrue(settings(deskOptions).get(0).matches("SAILAU_DESK_OPTIONS=\"--election .*"
                        + "--kiosk-public-key .*\""), settings(deskOptions).toString());
                Files.writeString(deskOptions, "SAILAU_DESK_OPTIONS=\"--precinct 7\"\n");
                assertEquals(0, run(List.of("bash", install, "--root", root.toString(), "--role", "desk",
                        "--precinct-network", "10.77.0.0/24", "--precinct-interface", "enp2s0"), root).exit());
                assertEquals("SAILAU_DESK_OPTIONS=\"--precinct 7\"\n", Files.readString(deskOptions),
                        "the administrator's desk options are kept on an update");
            }
            Path dropIn = root.resolve("etc/systemd/system/" + role[1] + ".service.d/60-precinct-network.conf");
            assertEquals(List.of("[Service]", "PrivateNetwork=no",
                    "RestrictAddressFamilies=AF_UNIX AF_NETLINK AF_INET AF_INET6", "IPAddressDeny=any",
                    "IPAddressAllow=10.77.0.0/24", "RestrictNetworkInterfaces=enp2s0"), settings(dropIn));

            // systemd reads the unit with its drop-in (ExecStart pointed at programs that exist here).
            Path units = Files.createDirectories(temp.resolve(role[0] + "-units"));
            Files.writeString(units.resolve(role[1] + ".service"), unit
                    .replace(session, DEPLOY.resolve("sailau-session").toAbsolutePath().toString())
                    .replace(launcher, DEPLOY.resolve("sailau-session").toAbsolutePath().toString()));
            Files.createDirectories(units.resolve(role[1] + ".service.d"));
            Files.copy(dropIn, units.resolve(role[1] + ".service.d/60-precinct-network.conf"));
            Result verify = run(List.of("systemd-analyze", "verify", "./" + role[1] + ".service"), units);
            assertEquals(0, verify.exit(), role[1] + ": systemd-analyze verify:\n" + verify.output());
            assertEquals("", verify.output().strip(), role[1] + ": systemd-analyze has no warning");

            for (List<String> bad : List.of(List.of("--role", role[0]),
                    List.of("--role", role[0], "--standalone"),
                    List.of("--role", role[0], "--precinct-interface", "enp2s0"))) {
                Path empty = Files.createDirectories(temp.resolve("empty-" + role[0] + bad.size()));
                List<String> command = new ArrayList<>(List.of("bash", install, "--root", empty.toString()));
                command.addAll(bad);
                Result refused = run(command, empty);
                assertEquals(2, refused.exit(), bad + ": " + refused.output());
                assertEquals(1, refused.output().strip().lines().count(), bad + ": one line: " + refused.output());
                try (var left = Files.list(empty)) {
                    assertEquals(0, left.count(), bad + ": nothing written");
                }
            }
        }
        Path empty = Files.createDirectories(temp.resolve("empty-role"));
        Result refused = run(List.of("bash", install, "--root", empty.toString(), "--role", "printer"), empty);
        assertEquals(2, refused.exit(), refused.output());
        assertTrue(refused.output().startsWith("install-kiosk.sh: --role 'printer'"), refused.output());
    }

    /** A unit's lock-down: its directives from the "# Lock-down" comment to [Install], without comments. */
    private static List<String> lockDown(String unit) {
        return unit.substring(unit.indexOf("# Lock-down"), unit.indexOf("[Install]")).lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    @Test
    void offlineCheckReportsEveryCheckAndFailsExactlyWhenOneFails(@TempDir Path temp) throws Exception {
        Result check = run(List.of("bash", DEPLOY.resolve("verify-offline.sh").toString()), temp);
        List<String> lines = check.output().lines().toList();
        assertTrue(lines.size() >= 12, "one line per check:\n" + check.output());
        for (String line : lines) {
            assertTrue(line.matches("(PASS|FAIL|NOTE)  .+|        .+"), "a PASS/FAIL/NOTE line: '" + line + "'");
        }
        for (String topic : List.of("listening", "NetworkManager.service", "rfkill", "lo", "default route")) {
            assertTrue(check.output().contains(topic), "checks " + topic + ":\n" + check.output());
        }
        boolean anyFail = lines.stream().anyMatch(line -> line.startsWith("FAIL"));
        assertEquals(anyFail ? 1 : 0, check.exit(), check.output());
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command, Path directory) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("timed out: " + command);
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
