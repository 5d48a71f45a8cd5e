package kz.sailau.kiosk.token;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.precinct.PrecinctCommand;
import kz.sailau.kiosk.precinct.PrecinctNode;
import kz.sailau.kiosk.precinct.PrecinctOutcome;

/**
 * The ballot desk on a precinct network: a scanned or typed token is checked as at a standalone desk
 * ({@link TokenCheck}: signature or typed-code tag, election, precinct), then redeemed live against the precinct's
 * replicated sets: an id no kiosk issued, one voided at its kiosk, or one already redeemed at any desk is refused
 * at once, for QR and typed codes alike. A desk cut off from the majority throws
 * {@link kz.sailau.kiosk.precinct.PrecinctUnavailableException} and hands out no ballot.
 */
public final class PrecinctRedeemDesk {

    private final TokenCheck check;
    private final PrecinctNode node;
    /**
     * Redemptions the cluster did not answer (the desk was cut off, or the commit timed out), by token id: the
     * command may still have been committed, so a second scan of the same token sends the same command id and gets
     * the recorded answer ({@code ACCEPTED}) instead of "already redeemed" for a ballot never handed out. In memory
     * only, emptied as answers come.
     */
    private final Map<String, byte[]> unanswered = new HashMap<>();

    /**
     * @param check the desk's token check
     * @param node  the desk's node of the precinct network
     */
    public PrecinctRedeemDesk(TokenCheck check, PrecinctNode node) {
        this.check = Objects.requireNonNull(check, "check");
        this.node = Objects.requireNonNull(node, "node");
    }

    /**
     * Checks and redeems a scanned or typed token; accepted only if the precinct committed its redemption.
     *
     * @throws kz.sailau.kiosk.precinct.PrecinctUnavailableException when the precinct did not answer: hand out no
     *                                                               ballot; scanning the same token again later asks
     *                                                               with the same command
     */
    public TokenCheck.Verdict redeem(String text) {
        TokenCheck.Verdict verdict = check.check(text);
        if (!verdict.accepted()) {
            return verdict;
        }
        byte[] tokenId = verdict.id().orElseThrow().bytes();
        String key = HexFormat.of().formatHex(tokenId);
        byte[] commandId;
        synchronized (unanswered) {
            commandId = unanswered.computeIfAbsent(key, k -> node.newCommandId());
        }
        PrecinctOutcome outcome = node.submit(new PrecinctCommand.RedeemToken(commandId, node.name(), tokenId,
                verdict.typed()));
        synchronized (unanswered) {
            unanswered.remove(key);
        }
        Optional<TokenRefusal> refusal = switch (outcome) {
            case ACCEPTED -> Optional.empty();
            case ALREADY_REDEEMED -> Optional.of(TokenRefusal.ALREADY_REDEEMED);
            case UNKNOWN_TOKEN -> Optional.of(TokenRefusal.NOT_ISSUED);
            case TOKEN_VOIDED -> Optional.of(TokenRefusal.VOIDED);
            case DAY_SEALED -> Optional.of(TokenRefusal.DAY_SEALED);
            default -> throw new IllegalStateException("the precinct ledger answered " + outcome);
        };
        return new TokenCheck.Verdict(verdict.id(), refusal, verdict.typed());
    }
}
