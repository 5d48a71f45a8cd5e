package kz.sailau.kiosk.precinct;

import java.util.stream.Stream;
import org.jgroups.raft.util.LogCache;
import java.util.TreeMap;
import java.time.Duration;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import kz.sailau.kiosk.crypto.KioskCryptoException;
import kz.sailau.kiosk.crypto.NodeCertificates;
import kz.sailau.kiosk.crypto.NodeCredentials;
import kz.sailau.kiosk.crypto.NodeIdentity;
import kz.sailau.kiosk.crypto.NodeTls;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import org.jgroups.Address;
import org.jgroups.JChannel;
import org.jgroups.View;
import org.jgroups.protocols.FD_ALL3;
import org.jgroups.protocols.FRAG4;
import org.jgroups.protocols.MERGE3;
import org.jgroups.protocols.TCP;
import org.jgroups.protocols.TCPPING;
import org.jgroups.protocols.UNICAST3;
import org.jgroups.protocols.VERIFY_SUSPECT2;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.protocols.pbcast.NAKACK2;
import org.jgroups.protocols.pbcast.STABLE;
import org.jgroups.protocols.raft.Log;
import org.jgroups.protocols.raft.NO_DUPES;
import org.jgroups.protocols.raft.REDIRECT;
import org.jgroups.raft.RaftHandle;
import org.jgroups.raft.StateMachine;
import org.jgroups.stack.Protocol;
import org.jgroups.util.NameCache;
import org.jgroups.util.TLSClientAuth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One machine of the precinct network: a JGroups channel over TCP with mutual TLS ({@link NodeTls}), bound only
 * to the configured precinct address, running Raft ({@code RAFT}, with the repairs of {@link PrecinctRaft};
 * {@code ELECTION}, as {@link PrecinctElection}; {@code REDIRECT}) over the {@link PrecinctLedgerState}. A command is answered only after the majority committed it; a node without the
 * majority refuses at once with {@link PrecinctUnavailableException}.
 *
 * <p>On disk, in the data directory: JGroups Raft's log ({@code entries.raft}, {@code metadata.raft}) and the
 * durable snapshot ({@link DurableSnapshotLog}), signed by the machine that took it and refused at start when
 * changed or older than the log ({@link SignedSnapshot}). After every command it applies, the node takes a snapshot
 * and truncates the log behind it but for the day's short tail of entries; at the end of the day {@link #seal()}
 * commits a command that carries nothing and {@link #snapshotToTheSeal()} leaves that alone in the log.
 */
public final class PrecinctNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PrecinctNode.class);
    /** JGroups logs through java.util.logging at WARNING and above (held here so the level is not collected). */
    private static final Object JGROUPS_LOG = JGroupsLogging.quiet();
    private static final String CLUSTER = "sailau-precinct";
    /** How long a restarted node tries to join while its previous run is still in the view (failure detection). */
    private static final Duration REJOIN_WAIT = Duration.ofSeconds(60);
    /** Between two such joins: a join is cheap to refuse, and a tight loop would starve the peers' heartbeats. */
    private static final long REJOIN_PAUSE_MILLIS = 1000;

    private final PrecinctNodeSettings settings;
    private final NodeCredentials credentials;
    private final X509Certificate authority;
    private final SecureRandom random;
    private final PrecinctLedgerState state = new PrecinctLedgerState();
    private final Map<String, AtomicLong> refusals = new ConcurrentHashMap<>();
    private final CommandSigners signers;
    private final AtomicLong repeatedCommands = new AtomicLong();
    /** The role of each machine whose certificate this node checked (its own, its peers' on the wire). */
    private final Map<NodeName, NodeRole> roles = new ConcurrentHashMap<>();
    private final ExecutorService snapshots = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "precinct-snapshot");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean snapshotPending = new AtomicBoolean();
    private final JChannel channel;
    private final PrecinctRaft raft;
    private final PrecinctElection election = new PrecinctElection();
    private final REDIRECT redirect;
    private final RaftHandle handle;

    private PrecinctNode(PrecinctNodeSettings settings, NodeCredentials credentials, X509Certificate authority,
                         SecureRandom random) throws Exception {
        this.settings = settings;
        this.credentials = credentials;
        this.authority = authority;
        this.random = random;
        this.signers = new CommandSigners(authority, credentials.precinct());
        roles.put(credentials.name(), credentials.role());
        SSLContext tls = NodeTls.context(credentials, authority, this::refusal, this::refused);
        TCP transport = new CertifiedTransport(authority, this::refused);
        transport.setBindAddress(settings.listen().getAddress());
        transport.setBindPort(settings.listen().getPort());
        transport.setPortRange(0);
        transport.setClientBindAddr(settings.listen().getAddress());
        // A TLS handshake on a busy two-core kiosk can take over JGroups' default of one second.
        transport.setPeerAddrReadTimeout(5000);
        transport.setSockConnTimeout(5000);
        if (!settings.advertise().equals(settings.listen())) {
            transport.setExternalAddr(settings.advertise().getAddress());
            transport.setExternalPort(settings.advertise().getPort());
        }
        transport.tls().enabled(true).setSSLContext(tls).setClientAuth(TLSClientAuth.NEED)
                .setProtocols(new String[] {NodeTls.PROTOCOL});
        transport.setSocketFactory(transport.tls().createSocketFactory(tls));
        List<InetSocketAddress> hosts = new ArrayList<>(settings.peers().values());
        raft = new PrecinctRaft();
        raft.members(settings.members().stream().map(NodeName::value).toList())
                .raftId(credentials.name().value()).logClass(DurableSnapshotLog.class.getName())
                .logDir(settings.dataDirectory().toAbsolutePath().toString()).logPrefix("ledger")
                .maxLogSize(Long.MAX_VALUE).logUseFsync(true).resendInterval(200)
                // Not sendCommitsImmediately: with it, a follower that lacks entries answers each commit message
                // at once, the leader sends the next one, and the leader, never idle for resend_interval, never
                // resends the entries the follower lacks (JGroups Raft 1.1.4 resends only when its queue is idle):
                // the lagging replica stayed behind for good (PrecinctNetworkIT, cut off and healed).
                .sendCommitsImmediately(false);
        redirect = new REDIRECT();
        Protocol[] stack = {transport, new TCPPING().initialHosts(hosts).portRange(0),
            new MERGE3().setMinInterval(1000).setMaxInterval(3000), new FD_ALL3().setTimeout(5000).setInterval(1000),
            new VERIFY_SUSPECT2(), new NAKACK2(), new UNICAST3(), new STABLE(), new NO_DUPES(),
            new GMS().setJoinTimeout(1000).printLocalAddress(false), new FRAG4(), election, raft, redirect};
        channel = new JChannel(stack).name(credentials.name().value());
        // JGroups' diagnostics answer probes on a multicast socket of their own: no listener but the precinct one.
        transport.getDiagnosticsHandler().setEnabled(false);
        handle = new RaftHandle(channel, new LedgerMachine());
    }

    /**
     * Starts a node and joins the precinct network (returns at once; the node finds its peers in the background).
     *
     * @param settings    where and with whom
     * @param credentials this node's certified key
     * @param authority   the pinned authority certificate
     * @param random      command ids
     * @throws NodeBindException            if the listener's port is taken
     * @throws NodeLedgerException          if the node's ledger files cannot be read
     * @throws RejoinGuard.Refused          {@value RejoinGuard#LEDGER_MISSING}: a member whose ledger went missing
     * @throws PrecinctUnavailableException if the channel cannot start
     */
    public static PrecinctNode start(PrecinctNodeSettings settings, NodeCredentials credentials,
                                     X509Certificate authority, SecureRandom random) {
        return start(settings, credentials, authority, random, false);
    }

    /**
     * Starts a node whose ledger went missing, as {@link #start(PrecinctNodeSettings, NodeCredentials,
     * X509Certificate, SecureRandom)} does, but only when every other member answers first (decision 0440).
     *
     * @throws RejoinGuard.Refused          {@value RejoinGuard#UNREACHABLE}, naming the members that did not answer
     * @throws NodeBindException            if the listener's port is taken
     * @throws PrecinctUnavailableException if the channel cannot start
     */
    public static PrecinctNode rejoin(PrecinctNodeSettings settings, NodeCredentials credentials,
                                      X509Certificate authority, SecureRandom random) {
        return start(settings, credentials, authority, random, true);
    }

    private static PrecinctNode start(PrecinctNodeSettings settings, NodeCredentials credentials,
                                      X509Certificate authority, SecureRandom random, boolean rejoin) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(random, "random");
        if (!settings.name().equals(credentials.name())) {
            throw new KioskCryptoException("node.error.certificateMismatch",
                    "precinct.json names " + settings.name() + " but the certificate " + credentials.name(), null);
        }
        if (rejoin) {
            RejoinGuard.requireEveryMember(settings, credentials, authority);
        } else {
            RejoinGuard.refuseIfEmptied(settings);
        }
        // A machine restarted right after a crash finds its old self still in the view until the others' failure
        // detection drops it, and its join is refused as a duplicate: it tries again until that has happened, each
        // time with a new channel (JGroups Raft 1.1.4 closes the log when a failed connect stops the stack and does
        // not reopen it: a second connect of one channel failed with "fileSize cannot be retrieved if closed").
        long deadline = System.nanoTime() + REJOIN_WAIT.toNanos();
        while (true) {
            PrecinctNode node;
            try {
                node = new PrecinctNode(settings, credentials, authority, random);
            } catch (Exception e) {
                throw startFailure(e, settings);
            }
            try {
                node.channel.connect(CLUSTER);
            } catch (Exception e) {
                node.halt();
                if (System.nanoTime() > deadline || !String.valueOf(e.getMessage()).contains("duplicate")) {
                    throw startFailure(e, settings);
                }
                LOG.info("precinct node {}: its previous run is still in the view; joining again", settings.name());
                try {
                    Thread.sleep(REJOIN_PAUSE_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new PrecinctUnavailableException("interrupted while joining the precinct network");
                }
                continue;
            }
            LOG.info("precinct node {} listening on {}", settings.name(), settings.listen());
            node.markJoined();
            return node;
        }
    }

    /**
     * What a failed start says: the listener's port taken (JGroups' TCP transport), the node's own ledger files
     * damaged, or else that the precinct network could not be joined.
     */
    private static PrecinctUnavailableException startFailure(Exception failure, PrecinctNodeSettings settings) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return new NodeBindException(settings.listen());
            }
            if (cause instanceof DamagedLedgerException) {
                LOG.warn("precinct node {}: {}", settings.name(), cause.getMessage());
                return new NodeLedgerException(settings.dataDirectory());
            }
        }
        return new PrecinctUnavailableException("node cannot join the precinct network: " + failure.getMessage());
    }

    /**
     * Unseals the node key of {@code directory} with {@code passphrase} (cleared, whatever happens), then creates the
     * settings' data directory and starts the node as {@link #start(PrecinctNodeSettings, NodeCredentials,
     * X509Certificate, SecureRandom)} does: a wrong passphrase leaves nothing behind.
     *
     * @throws KioskCryptoException         {@code crypto.error.wrongPassphrase}, {@code node.error.notInitialised}
     * @throws NodeBindException            if the listener's port is taken
     * @throws NodeLedgerException          if the node's ledger files cannot be read
     * @throws PrecinctUnavailableException if the channel cannot start
     * @throws IOException                  when a file cannot be read or the data directory made
     */
    public static PrecinctNode start(Path directory, PrecinctNodeSettings settings, char[] passphrase,
                                     SecureRandom random) throws IOException {
        return start(directory, settings, passphrase, random, false);
    }

    /**
     * As {@link #start(Path, PrecinctNodeSettings, char[], SecureRandom)}, for a node whose ledger went missing:
     * the node starts only when every other member answers ({@link #rejoin(PrecinctNodeSettings, NodeCredentials,
     * X509Certificate, SecureRandom)}); when {@code rejoin} is false, as {@code start}.
     *
     * @throws RejoinGuard.Refused {@value RejoinGuard#UNREACHABLE} or {@value RejoinGuard#LEDGER_MISSING}
     * @throws IOException         when a file cannot be read or the data directory made
     */
    public static PrecinctNode start(Path directory, PrecinctNodeSettings settings, char[] passphrase,
                                     SecureRandom random, boolean rejoin) throws IOException {
        NodeCredentials credentials;
        try {
            credentials = NodeCredentials.unlock(directory, passphrase);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
        return startInDataDirectory(settings, credentials, NodeCredentials.authorityOf(directory), random, rejoin);
    }

    /**
     * Creates the settings' data directory if it is missing and starts the node as {@link #start(
     * PrecinctNodeSettings, NodeCredentials, X509Certificate, SecureRandom)} does; when the node cannot start, a
     * data directory made here and left empty is removed again: a refusal leaves nothing behind.
     *
     * @throws NodeBindException            if the listener's port is taken
     * @throws NodeLedgerException          if the node's ledger files cannot be read
     * @throws PrecinctUnavailableException if the channel cannot start
     * @throws IOException                  when the data directory cannot be made
     */
    public static PrecinctNode startInDataDirectory(PrecinctNodeSettings settings, NodeCredentials credentials,
                                                    X509Certificate authority, SecureRandom random)
            throws IOException {
        return startInDataDirectory(settings, credentials, authority, random, false);
    }

    private static PrecinctNode startInDataDirectory(PrecinctNodeSettings settings, NodeCredentials credentials,
                                                     X509Certificate authority, SecureRandom random, boolean rejoin)
            throws IOException {
        if (!rejoin) {
            RejoinGuard.refuseIfEmptied(settings);
        }
        Path data = settings.dataDirectory();
        boolean made = !Files.isDirectory(data);
        Files.createDirectories(data);
        try {
            return start(settings, credentials, authority, random, rejoin);
        } catch (RuntimeException e) {
            if (made) {
                try (Stream<Path> entries = Files.list(data)) {
                    if (entries.findAny().isEmpty()) {
                        Files.delete(data);
                    }
                }
            }
            throw e;
        }
    }

    /**
     * Writes the marker of a node that has been a member ({@link RejoinGuard}) after its start; a node whose marker
     * cannot be written does not run unguarded.
     */
    private void markJoined() {
        try {
            RejoinGuard.markJoined(settings);
        } catch (IOException e) {
            channel.close();
            throw new PrecinctUnavailableException("the node's marker " + RejoinGuard.marker(settings)
                    + " cannot be written: " + e.getMessage());
        }
    }

    /** This node's name. */
    public NodeName name() {
        return credentials.name();
    }

    /** Check in a voter if no node of the precinct has. */
    public PrecinctOutcome checkIn(byte[] voterIndex, int method) {
        return submit(new PrecinctCommand.CheckIn(newId(), name(), voterIndex, method));
    }

    /**
     * A fresh random command id, for a caller that must be able to retry a command whose answer it did not get
     * (a retry with the same id is answered with the recorded outcome, never applied twice).
     */
    public byte[] newCommandId() {
        return newId();
    }

    /** Enter a mark made on the paper list during an outage. */
    public PrecinctOutcome enterPaperMark(byte[] voterIndex) {
        return submit(new PrecinctCommand.PaperMark(newId(), name(), voterIndex));
    }

    /** Record an issued token id. */
    public PrecinctOutcome issueToken(byte[] tokenId) {
        return submit(new PrecinctCommand.IssueToken(newId(), name(), tokenId));
    }

    /** Void an issued token. */
    public PrecinctOutcome voidToken(byte[] tokenId) {
        return submit(new PrecinctCommand.VoidToken(newId(), name(), tokenId));
    }

    /** Redeem a token once, at any desk. */
    public PrecinctOutcome redeemToken(byte[] tokenId, boolean typed) {
        return submit(new PrecinctCommand.RedeemToken(newId(), name(), tokenId, typed));
    }

    /**
     * Opens this kiosk for check-ins with its register ({@link PrecinctCommand.OpenRegister}): accepted when it is
     * the register the precinct opened with, or the first; {@link PrecinctOutcome#REGISTER_MISMATCH} otherwise.
     */
    public PrecinctOutcome openRegister(long version, String packageSha256) {
        return submit(new PrecinctCommand.OpenRegister(newId(), name(), version, packageSha256));
    }

    /** Commit a command that carries nothing, so that each node's snapshot leaves only it in the log. */
    public PrecinctOutcome seal() {
        return submit(new PrecinctCommand.Seal(newId(), name()));
    }

    /**
     * Checks a machine's certificate as {@link #admit} does, changing nothing: a node certificate the authority
     * issued for this precinct, of a machine that is not a voting member yet.
     *
     * @return who the certificate names
     * @throws KioskCryptoException        if the certificate is not a node certificate of this precinct
     * @throws PrecinctMembershipException ({@value PrecinctMembershipException#ALREADY_MEMBER}) if the machine is a
     *                                     voting member already
     */
    public NodeIdentity admissible(X509Certificate certificate) {
        NodeIdentity identity = ofThisPrecinct(certificate);
        if (raft.members().contains(identity.name().value())) {
            throw alreadyMember(identity);
        }
        return identity;
    }

    private NodeIdentity ofThisPrecinct(X509Certificate certificate) {
        NodeIdentity identity = NodeCertificates.identify(certificate, authority);
        if (!identity.precinct().equals(credentials.precinct())) {
            throw new KioskCryptoException("node.refused.otherPrecinct", "the certificate is for precinct "
                    + identity.precinct() + ", this network is precinct " + credentials.precinct(), null);
        }
        return identity;
    }

    private static PrecinctMembershipException alreadyMember(NodeIdentity identity) {
        return new PrecinctMembershipException(PrecinctMembershipException.ALREADY_MEMBER, identity.name()
                + " is a member already");
    }

    /**
     * Admits a machine the administrator adds (a spare or a replacement kiosk): its certificate must be a node
     * certificate the authority issued for this precinct ({@link #admissible}); the ledger records its fingerprint
     * so that every node admits exactly that certificate, then the machine is added to the voting members.
     *
     * @throws KioskCryptoException         if the certificate is not a node certificate of this precinct
     * @throws PrecinctMembershipException  if the machine is a voting member already (but for a retry of its own
     *                                      admission with the same certificate, answered {@code ACCEPTED})
     * @throws PrecinctUnavailableException if the cluster cannot commit the change
     */
    public PrecinctOutcome admit(X509Certificate certificate) {
        NodeIdentity identity = ofThisPrecinct(certificate);
        if (raft.members().contains(identity.name().value())) {
            // A retry of an admission whose answer was lost is answered as the admission was; any other member
            // (one of the precinct's own, or admitted with another certificate) is refused.
            if (read(s -> identity.fingerprint().equals(Optional.ofNullable(s.authorised().get(identity.name()))
                    .map(PrecinctLedgerState.AuthorisedNode::fingerprint).orElse(null)))) {
                return PrecinctOutcome.ACCEPTED;
            }
            throw alreadyMember(identity);
        }
        PrecinctOutcome outcome = submit(new PrecinctCommand.AuthoriseNode(newId(), name(), identity.name(),
                identity.role(), identity.fingerprint()));
        if (outcome == PrecinctOutcome.ACCEPTED) {
            await(redirectMembership(true, identity.name()), "add " + identity.name());
            roles.put(identity.name(), identity.role());
            LOG.info("precinct member {} added by the administrator", identity);
        }
        return outcome;
    }

    /**
     * Withdraws a machine: no node admits its certificate again and it is removed from the voting members. Once
     * this node is with the majority, the change is refused when {@link NetworkState#withdrawalRefusal} says so
     * (this machine itself, or a majority the rest could not reach).
     *
     * @throws PrecinctMembershipException  if the withdrawal is refused (nothing committed)
     * @throws PrecinctUnavailableException if the cluster cannot commit the change
     */
    public PrecinctOutcome withdraw(NodeName node) {
        Objects.requireNonNull(node, "node");
        awaitMajority();
        Optional<String> refusal = networkState().withdrawalRefusal(node);
        if (refusal.isPresent()) {
            throw new PrecinctMembershipException(refusal.get(), "withdrawing " + node + " refused on " + name()
                    + ": " + networkState().summary());
        }
        PrecinctOutcome outcome = submit(new PrecinctCommand.WithdrawNode(newId(), name(), node));
        if (raft.members().contains(node.value())) {
            await(redirectMembership(false, node), "remove " + node);
        }
        LOG.info("precinct member {} withdrawn by the administrator", node);
        return outcome;
    }

    /**
     * The role of each machine whose certificate this node has checked: itself, the peers it connected with, the
     * machines the administrator admitted. A member not met yet has no entry.
     */
    public Map<NodeName, NodeRole> roles() {
        Map<NodeName, NodeRole> known = new TreeMap<>(roles);
        synchronized (state) {
            state.authorised().forEach((node, added) -> known.putIfAbsent(node, added.role()));
        }
        return known;
    }

    private CompletableFuture<byte[]> redirectMembership(boolean add, NodeName node) {
        try {
            return add ? redirect.addServer(node.value()) : redirect.removeServer(node.value());
        } catch (Exception e) {
            throw new PrecinctUnavailableException("membership change failed: " + e.getMessage());
        }
    }

    /**
     * Submits a command and waits for the cluster's answer.
     *
     * @throws PrecinctUnavailableException if this node is cut off from the majority or the commit times out
     */
    public PrecinctOutcome submit(PrecinctCommand command) {
        Objects.requireNonNull(command, "command");
        awaitMajority();
        byte[] bytes = signed(PrecinctCommand.encode(command));
        CompletableFuture<byte[]> answer;
        try {
            answer = handle.setAsync(bytes, 0, bytes.length);
        } catch (Exception e) {
            throw new PrecinctUnavailableException("command not accepted by the cluster: " + e.getMessage());
        }
        byte[] reply = await(answer, command.getClass().getSimpleName());
        return reply == null || reply.length == 0 ? PrecinctOutcome.MALFORMED : PrecinctOutcome.of(reply[0]);
    }

    /** The command's bytes in the envelope every replica checks: this node's certificate and signature. */
    private byte[] signed(byte[] command) {
        try {
            return new SignedCommand(command, credentials.certificate().orElseThrow().getEncoded(),
                    credentials.signCommand(command)).encode();
        } catch (CertificateEncodingException e) {
            throw new KioskCryptoException("node.error.notNodeCertificate", "this node's certificate cannot be encoded",
                    e);
        }
    }

    /**
     * Waits, up to the commit timeout, until this node is with the majority and knows the leader: a leader
     * election after a failure takes a moment and should not show as an outage.
     */
    private void awaitMajority() {
        if (!awaitMajority(settings.commitTimeout())) {
            throw new PrecinctUnavailableException("no majority of the precinct reachable from " + name());
        }
    }

    /**
     * Waits until this node is with the majority and knows the leader ({@link NetworkState#withMajority()}), up to
     * {@code within}. A node whose join found no peer in time (discovery over TLS on a loaded machine) starts in a
     * view of its own and merges with the precinct some seconds later; a console that says it is ready waits here.
     *
     * @return whether the node is with the majority
     * @throws PrecinctUnavailableException if the waiting thread is interrupted
     */
    public boolean awaitMajority(Duration within) {
        Objects.requireNonNull(within, "within");
        long deadline = System.nanoTime() + within.toNanos();
        while (!networkState().withMajority()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PrecinctUnavailableException("interrupted while waiting for the majority");
            }
        }
        return true;
    }

    private byte[] await(CompletableFuture<byte[]> answer, String what) {
        try {
            return answer.get(settings.commitTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(false);
            throw new PrecinctUnavailableException(what + " not committed within " + settings.commitTimeout());
        } catch (ExecutionException e) {
            throw new PrecinctUnavailableException(what + " refused by the cluster: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrecinctUnavailableException(what + " interrupted");
        }
    }

    /** Reads this node's replica of the ledger (committed state; may trail the leader by a moment). */
    public <T> T read(Function<PrecinctLedgerState, T> query) {
        synchronized (state) {
            return query.apply(state);
        }
    }

    /** Whether the node still runs: false once it is closed (or halted), when it has no network state to show. */
    public boolean running() {
        return !channel.isClosed();
    }

    /** What this node knows of the network now. */
    public NetworkState networkState() {
        SortedSet<NodeName> members = new TreeSet<>();
        for (String member : raft.members()) {
            members.add(new NodeName(member));
        }
        SortedSet<NodeName> reachable = new TreeSet<>();
        View view = channel.getView();
        if (view != null) {
            for (Address address : view.getMembers()) {
                nameOf(address).ifPresent(reachable::add);
            }
        }
        Optional<NodeName> leader = Optional.ofNullable(raft.leader()).flatMap(PrecinctNode::nameOf);
        return new NetworkState(name(), members, reachable, leader, members.contains(name()));
    }

    /** How many peers were refused, by message key. */
    public Map<String, Long> refusals() {
        Map<String, Long> copy = new TreeMap<>();
        refusals.forEach((key, count) -> copy.put(key, count.get()));
        return copy;
    }

    /** How many commands arrived whose id had already been applied (retries and replays). */
    public long repeatedCommands() {
        return repeatedCommands.get();
    }

    /**
     * How many times this node, as leader, sent its snapshot to a follower that had committed an entry the leader
     * replaced (a fault of the consensus engine that {@link PrecinctRaft} repairs; see docs/reliability.md).
     */
    public long divergedFollowerRepairs() {
        return raft.divergedFollowerRepairs();
    }

    /** The consensus engine's current term (tests compare terms across a split). */
    long currentTerm() {
        return raft.currentTerm();
    }

    /** The index of the last entry in this node's consensus log (tests wait for an append that cannot commit). */
    long lastAppended() {
        return raft.log().lastAppended();
    }

    /**
     * Forgets the leader this node follows, as a leader's announcement lost in a healed partition leaves it (tests of
     * {@link PrecinctElection}'s leaderless check).
     */
    void forgetLeader() {
        raft.setLeaderAndTerm(null);
    }

    /**
     * Starts a voting round if this node coordinates the view (the engine's management operation; tests use it to
     * hold a round open while a peer is cut off).
     *
     * @return whether a voting thread runs on this node
     */
    boolean startVoting() {
        return election.runVotingThread();
    }

    /**
     * Takes a snapshot now and truncates the whole log behind it, keeping only the last entry: the end of the day,
     * once every node applied the {@link #seal()} (waits for it).
     */
    public void snapshotToTheSeal() {
        DurableSnapshotLog log = durableLog();
        try {
            snapshots.submit(() -> {
                log.keepTail(0);
                try {
                    raft.snapshotAsync().get(30, TimeUnit.SECONDS);
                } finally {
                    log.keepTail(DurableSnapshotLog.DAY_TAIL);
                }
                return null;
            }).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new PrecinctUnavailableException("snapshot failed: " + e);
        }
    }

    /**
     * Closes the day on this node: once its replica applied the day's {@link #seal()}, takes the last snapshot
     * ({@link #snapshotToTheSeal()}) and writes its end-of-day bundle ({@link PrecinctDayBundle}) signed with its
     * node key into {@code directory} as {@code NODE.bundle} and {@code NODE.bundle.p7s}.
     *
     * @return the bundle file
     * @throws IllegalStateException        if this replica has not applied a seal yet (nothing is written)
     * @throws PrecinctUnavailableException if the snapshot fails
     * @throws IOException                  if the files cannot be written
     */
    public Path closeDay(Path directory) throws IOException {
        Objects.requireNonNull(directory, "directory");
        if (read(s -> s.total(PrecinctLedgerState.Count.SEAL)) == 0) {
            throw new IllegalStateException("the ledger is not sealed on " + name() + ": seal the day first");
        }
        snapshotToTheSeal();
        SortedSet<NodeName> members = networkState().members();
        byte[] bundle = read(s -> PrecinctDayBundle.write(s, name(), credentials.role(), credentials.precinct(),
                members));
        return PrecinctDayBundle.save(directory, name(), bundle, credentials.signDetached(bundle));
    }

    private DurableSnapshotLog durableLog() {
        Log log = raft.log();
        if (log instanceof LogCache cache) {
            log = cache.log();
        }
        return (DurableSnapshotLog) log;
    }

    /** Leaves the network after a last snapshot, so a node shut down in order leaves only its last entry. */
    @Override
    public void close() {
        snapshots.shutdownNow();
        try {
            raft.snapshotAsync().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("precinct node {}: no snapshot at shutdown: {}", name(), e.toString());
        }
        channel.close();
    }

    /**
     * Stops at once, without the closing snapshot: what a power cut leaves on disk (tests of crashes in one JVM;
     * cut the node's links first, or its peers see it leave in order).
     */
    void halt() {
        snapshots.shutdownNow();
        channel.close();
    }

    private byte[] newId() {
        synchronized (random) {
            return PrecinctCommand.newId(random);
        }
    }

    /**
     * The machine an address stands for: its Raft member name, which {@link CertifiedTransport} binds to the
     * certificate of the connection its messages came over (the logical name JGroups caches may come from any
     * peer's discovery answer).
     */
    private static Optional<NodeName> nameOf(Address address) {
        String name = CertifiedTransport.raftName(address).orElseGet(() -> NameCache.get(address));
        try {
            return Optional.ofNullable(name).map(NodeName::new);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<String> refusal(NodeIdentity peer) {
        synchronized (state) {
            if (state.isWithdrawn(peer.name())) {
                return Optional.of("node.refused.withdrawn");
            }
            PrecinctLedgerState.AuthorisedNode added = state.authorised().get(peer.name());
            if (added != null) {
                return added.fingerprint().equals(peer.fingerprint()) && added.role() == peer.role()
                        ? admitted(peer) : Optional.of("node.refused.notMember");
            }
        }
        boolean known = settings.members().contains(peer.name()) || raft.members().contains(peer.name().value());
        return known ? admitted(peer) : Optional.of("node.refused.notMember");
    }

    private Optional<String> admitted(NodeIdentity peer) {
        roles.put(peer.name(), peer.role());
        return Optional.empty();
    }

    private void refused(String key, String detail) {
        refusals.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        LOG.warn("precinct network refused a peer [{}]: {}", key, detail);
    }

    private void requestSnapshot() {
        if (snapshotPending.compareAndSet(false, true)) {
            snapshots.execute(() -> {
                snapshotPending.set(false);
                try {
                    raft.snapshotAsync().get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    LOG.warn("precinct snapshot failed: {}", e.toString());
                }
            });
        }
    }

    /** The JGroups Raft state machine over {@link PrecinctLedgerState}. */
    private final class LedgerMachine implements StateMachine {

        @Override
        public byte[] apply(byte[] data, int offset, int length, boolean serializeResponse) {
            PrecinctLedgerState.Applied applied;
            PrecinctCommand command;
            SignedCommand signed;
            try {
                signed = SignedCommand.decode(data, offset, length);
                byte[] bytes = signed.command();
                command = PrecinctCommand.decode(bytes, 0, bytes.length);
            } catch (IllegalArgumentException e) {
                LOG.warn("precinct ledger ignored a malformed command: {}", e.getMessage());
                return new byte[] {(byte) PrecinctOutcome.MALFORMED.ordinal(), 0};
            }
            synchronized (state) {
                Optional<String> refusal = signers.refusal(signed, command, state);
                if (refusal.isPresent()) {
                    refusals.computeIfAbsent("precinct.refused.notPermitted", k -> new AtomicLong()).incrementAndGet();
                    LOG.warn("precinct ledger refused a command [precinct.refused.notPermitted]: {}", refusal.get());
                    return new byte[] {(byte) PrecinctOutcome.NOT_PERMITTED.ordinal(), 0};
                }
                applied = state.apply(command);
            }
            if (applied.repeated()) {
                repeatedCommands.incrementAndGet();
                LOG.warn("precinct ledger: command {} from {} was applied before; answered with its recorded outcome",
                        PrecinctCommand.hex(command.commandId()), command.origin());
            }
            requestSnapshot();
            return new byte[] {(byte) applied.outcome().ordinal(), (byte) (applied.repeated() ? 1 : 0)};
        }

        /**
         * Reads a snapshot signed by a machine of this precinct ({@link SignedSnapshot}) whose voting members are
         * the ones the engine has just read before it; at start, one no older than the start of this node's log, so
         * that no committed entry falls between the two (decision 0405).
         */
        @Override
        public void readContentFrom(DataInput in) throws Exception {
            SignedSnapshot snapshot = SignedSnapshot.read(in, authority, credentials.precinct());
            if (!Arrays.equals(snapshot.engineState(), raft.engineState())) {
                throw new DamagedLedgerException("the voting members in the ledger snapshot are not those it was "
                        + "signed with", null);
            }
            if (raft.loadingOwnFiles() && snapshot.index() < raft.log().firstAppended()) {
                throw new DamagedLedgerException("the ledger snapshot (index " + snapshot.index() + ") is older "
                        + "than the start of the consensus log (" + raft.log().firstAppended() + "): the entries "
                        + "between are missing", null);
            }
            synchronized (state) {
                try {
                    state.readFrom(new DataInputStream(new ByteArrayInputStream(snapshot.ledger())));
                } catch (IOException | RuntimeException e) {
                    throw new DamagedLedgerException("the ledger snapshot cannot be read", e);
                }
            }
        }

        /** Writes the ledger as a {@link SignedSnapshot} signed with this node's key. */
        @Override
        public void writeContentTo(DataOutput out) throws Exception {
            ByteArrayOutputStream ledger = new ByteArrayOutputStream();
            synchronized (state) {
                state.writeTo(new DataOutputStream(ledger));
            }
            new SignedSnapshot(raft.commitIndex(), raft.engineState(), ledger.toByteArray()).write(out, credentials);
        }
    }
}
