package org.hth.hotline.core.callback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.hth.hotline.core.privacy.NumberSealer;
import org.hth.hotline.core.privacy.SealedNumberException;
import org.hth.hotline.core.referral.Ticket;
import org.hth.hotline.core.referral.TicketEvent;
import org.hth.hotline.core.referral.TicketKind;
import org.hth.hotline.core.store.RetentionStore;
import org.hth.hotline.core.store.TicketStore;
import org.hth.hotline.core.telephony.AmiActions;
import org.hth.hotline.core.telephony.Originate;
import org.hth.hotline.core.telephony.OriginateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls a caller back from a ticket: only a callback ticket, or a ticket whose caller consented, that still holds
 * a sealed number which has not expired. The number is opened here, put into one AMI {@code Originate} (ring the
 * operator's console endpoint, then {@code Dial} the caller through the trunk) and dropped; it is never returned,
 * stored in clear or logged. The attempt and its outcome are appended to the ticket's history.
 *
 * <p>Thread-safe. {@link #call} blocks on the store (call it from a worker); the AMI wait runs on the given
 * executor.
 */
public final class CallbackService {
    /** How long the operator's phone rings before the attempt is given up. */
    public static final Duration RING_OPERATOR = Duration.ofSeconds(30);
    static final String CALLER_ID = "\"Numero Verde richiamata\" <800290290>";
    private static final Logger log = LoggerFactory.getLogger(CallbackService.class);

    private final TicketStore tickets;
    private final RetentionStore numbers;
    private final NumberSealer sealer;
    private final AmiActions ami;
    private final Executor executor;
    private final Clock clock;

    /**
     * @param tickets the tickets, for the history
     * @param numbers where a kept number is erased once the callback has reached the operator (used)
     */
    public CallbackService(TicketStore tickets, RetentionStore numbers, NumberSealer sealer, AmiActions ami,
                           Executor executor, Clock clock) {
        this.tickets = tickets;
        this.numbers = numbers;
        this.sealer = sealer;
        this.ami = ami;
        this.executor = executor;
        this.clock = clock;
    }

    /** Whether a callback may be attempted from this ticket now (without opening the number). */
    public boolean possible(Ticket ticket) {
        return refusal(ticket).isEmpty();
    }

    /**
     * Starts a callback: records the attempt, then rings {@code operatorEndpoint} and the caller.
     *
     * @return the outcome, once the operator's phone answered or gave up; it is in the history by then
     * @throws CallbackRefusedException when the ticket does not allow a callback (nothing is sent)
     */
    public CompletableFuture<OriginateResult> call(String ticketId, String operatorEndpoint, String by) {
        Ticket ticket = tickets.find(ticketId)
                .orElseThrow(() -> new CallbackRefusedException(ticketId, "there is no such ticket"));
        refusal(ticket).ifPresent(reason -> {
            throw new CallbackRefusedException(ticketId, reason);
        });
        String number;
        try {
            number = sealer.open(ticket.sealedCallbackNumber().orElseThrow(), clock.instant())
                    .orElseThrow(() -> new CallbackRefusedException(ticketId, "the callback number has expired"));
        } catch (SealedNumberException e) {
            throw new CallbackRefusedException(ticketId, "the callback number cannot be opened");
        }
        tickets.append(ticketId, new TicketEvent(clock.instant(), by, "callback.requested", Optional.empty(),
                "ringing " + operatorEndpoint + " first, then the caller"), List.of());
        Originate originate = new Originate(operatorEndpoint, "Dial", "PJSIP/" + number + "@trunk,60", CALLER_ID,
                RING_OPERATOR, Map.of("HOTLINE_CALLBACK_TICKET", ticketId));
        log.info("callback for ticket {}: ringing {}", ticketId, operatorEndpoint);
        return CompletableFuture.supplyAsync(() -> ami.originate(originate), executor)
                .exceptionally(e -> OriginateResult.failed("the callback could not be placed"))
                .thenApply(result -> record(ticketId, by, result));
    }

    private OriginateResult record(String ticketId, String by, OriginateResult result) {
        String detail = result.answered() ? "the operator answered; the caller is being dialled"
                : "not placed: " + result.detail();
        try {
            tickets.append(ticketId, new TicketEvent(clock.instant(), by, "callback.result", Optional.empty(), detail),
                    List.of());
        } catch (RuntimeException e) {
            log.warn("callback for ticket {}: the outcome could not be recorded ({})", ticketId, e.toString());
        }
        if (result.answered()) {
            eraseNumber(ticketId);
        }
        log.info("callback for ticket {}: {}", ticketId, result.answered() ? "answered" : result.detail());
        return result;
    }

    /** The number has been used: it is kept no longer (a failed attempt keeps it for another try). */
    private void eraseNumber(String ticketId) {
        try {
            numbers.eraseCallbackNumber(ticketId);
            tickets.append(ticketId, new TicketEvent(clock.instant(), "system", "callback.number.erased",
                    Optional.empty(), "the caller's number was used for the callback and is erased"), List.of());
        } catch (RuntimeException e) {
            log.warn("callback for ticket {}: the used number could not be erased now ({}); the retention job erases"
                    + " it when its seal expires", ticketId, e.getClass().getSimpleName());
        }
    }

    private Optional<String> refusal(Ticket ticket) {
        if (ticket.sealedCallbackNumber().isEmpty()) {
            return Optional.of("no callback number is kept for this ticket");
        }
        if (ticket.kind() != TicketKind.CALLBACK && !ticket.consent()) {
            return Optional.of("the caller has not consented to be called back");
        }
        Instant expiry = NumberSealer.expiresAt(ticket.sealedCallbackNumber().get()).orElse(Instant.MIN);
        if (!clock.instant().isBefore(expiry)) {
            return Optional.of("the callback number has expired and can no longer be used");
        }
        return Optional.empty();
    }
}
