package kz.sailau.kiosk.precinct;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.model.PrecinctId;

/**
 * A precinct's end-of-day directory as {@code bundle verify --precinct DIR} reads it, for tests outside this package:
 * an honest sealed day of {@code kiosk-1}, {@code kiosk-2} and {@code desk-1} (two check-ins at each kiosk, each with
 * its token, three of them redeemed at the desk), every node's {@code NODE.bundle} and {@code NODE.bundle.p7s}
 * signed by its TEST node key, certified by the given authority. Nothing of a real person.
 */
public final class PrecinctDayFiles {

    /** The nodes of the day, in the order of their files. */
    public static final List<String> NODES = List.of("desk-1", "kiosk-1", "kiosk-2");

    private final Map<String, Signer> signers;

    private PrecinctDayFiles(Map<String, Signer> signers) {
        this.signers = signers;
    }

    /** Signs a node's bundle text as that node does at the close. */
    public interface Signer {
        /** The detached signature ({@code .p7s}) of {@code bundle}. */
        byte[] sign(byte[] bundle);
    }

    /**
     * Writes the honest day of {@code precinct} into {@code directory} (created) and returns the nodes' signers, so
     * that a test can sign an altered bundle with the node's own key, as an insider holding it could.
     */
    public static PrecinctDayFiles write(Path directory, AuthorityCredentials authority, PrecinctId precinct)
            throws IOException {
        Map<NodeName, NodeRole> roles = new LinkedHashMap<>();
        NODES.forEach(n -> roles.put(new NodeName(n), n.startsWith("desk") ? NodeRole.BALLOT_DESK : NodeRole.KIOSK));
        PrecinctLedgerState state = new PrecinctLedgerState();
        Random random = new Random(precinct.number());
        NodeName desk = new NodeName("desk-1");
        int redeemed = 0;
        for (NodeName kiosk : List.of(new NodeName("kiosk-1"), new NodeName("kiosk-2"))) {
            state.apply(new PrecinctCommand.OpenRegister(bytes(random, 16), kiosk, 1, "ab".repeat(32)));
            for (int i = 0; i < 2; i++) {
                byte[] token = bytes(random, 16);
                state.apply(new PrecinctCommand.CheckIn(bytes(random, 16), kiosk, bytes(random, 32), 0));
                state.apply(new PrecinctCommand.IssueToken(bytes(random, 16), kiosk, token));
                if (redeemed++ < 3) {
                    state.apply(new PrecinctCommand.RedeemToken(bytes(random, 16), desk, token, false));
                }
            }
        }
        state.apply(new PrecinctCommand.Seal(bytes(random, 16), new NodeName("kiosk-1")));
        Map<String, Signer> signers = new LinkedHashMap<>();
        for (Map.Entry<NodeName, NodeRole> node : roles.entrySet()) {
            var credentials = PrecinctBundleVerifierTest.certified(authority, node.getKey(), node.getValue(), precinct);
            byte[] bundle = PrecinctDayBundle.write(state, node.getKey(), node.getValue(), precinct, roles.keySet());
            PrecinctDayBundle.save(directory, node.getKey(), bundle, credentials.signDetached(bundle));
            signers.put(node.getKey().value(), credentials::signDetached);
        }
        return new PrecinctDayFiles(signers);
    }

    /** The signer of node {@code name}. */
    public Signer signer(String name) {
        return signers.get(name);
    }

    /** {@code DIR/NODE.bundle}. */
    public static Path bundle(Path directory, String node) {
        return directory.resolve(node + PrecinctDayBundle.SUFFIX);
    }

    /** {@code DIR/NODE.bundle.p7s}. */
    public static Path signature(Path directory, String node) {
        return directory.resolve(node + PrecinctDayBundle.SUFFIX + PrecinctDayBundle.SIGNATURE_SUFFIX);
    }

    /** Copies every file of {@code from} into a new directory {@code to}. */
    public static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        return to;
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
