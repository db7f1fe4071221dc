package org.hth.hotline.core.call;

import java.time.Instant;
import java.util.Optional;

import org.hth.hotline.core.referral.Territory;

/**
 * A filter over the call log, newest first, with keyset paging.
 *
 * @param from      calls that started at or after this instant
 * @param to        calls that started before this instant
 * @param outcome   only this outcome
 * @param operator  only calls answered by this operator
 * @param language  only calls in this language
 * @param territory only calls of this territory
 * @param after     the last call id of the previous page
 * @param limit     page size, 1 to {@value #MAX_LIMIT}
 * @param hasTicket only calls with (true) or without (false) a linked ticket
 */
public record CallQuery(Optional<Instant> from, Optional<Instant> to, Optional<CallOutcome> outcome,
                        Optional<String> operator, Optional<String> language, Optional<Territory> territory,
                        Optional<String> after, int limit, Optional<Boolean> hasTicket) {

    public static final int MAX_LIMIT = 500;

    public CallQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
        java.util.Objects.requireNonNull(hasTicket, "hasTicket");
    }

    /** A query with no ticket filter (the shape before {@code hasTicket} was added). */
    public CallQuery(Optional<Instant> from, Optional<Instant> to, Optional<CallOutcome> outcome,
                     Optional<String> operator, Optional<String> language, Optional<Territory> territory,
                     Optional<String> after, int limit) {
        this(from, to, outcome, operator, language, territory, after, limit, Optional.empty());
    }

    /** Every call, newest first, {@code limit} at a time. */
    public static CallQuery all(int limit) {
        return new CallQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), limit, Optional.empty());
    }

    public CallQuery between(Instant fromInclusive, Instant toExclusive) {
        return new CallQuery(Optional.of(fromInclusive), Optional.of(toExclusive), outcome, operator, language,
                territory, after, limit, hasTicket);
    }

    public CallQuery withOutcome(CallOutcome value) {
        return new CallQuery(from, to, Optional.of(value), operator, language, territory, after, limit, hasTicket);
    }

    public CallQuery withOperator(String value) {
        return new CallQuery(from, to, outcome, Optional.of(value), language, territory, after, limit, hasTicket);
    }

    public CallQuery withLanguage(String value) {
        return new CallQuery(from, to, outcome, operator, Optional.of(value), territory, after, limit, hasTicket);
    }

    public CallQuery withTerritory(Territory value) {
        return new CallQuery(from, to, outcome, operator, language, Optional.of(value), after, limit, hasTicket);
    }

    public CallQuery withHasTicket(boolean value) {
        return new CallQuery(from, to, outcome, operator, language, territory, after, limit, Optional.of(value));
    }

    /** The same filters, another page size. */
    public CallQuery withLimit(int value) {
        return new CallQuery(from, to, outcome, operator, language, territory, after, value, hasTicket);
    }

    public CallQuery after(String lastCallId) {
        return new CallQuery(from, to, outcome, operator, language, territory, Optional.of(lastCallId), limit, hasTicket);
    }

    /** Whether a record passes every filter of this query (paging aside). */
    public boolean matches(CallRecord call) {
        return from.map(f -> !call.startedAt().isBefore(f)).orElse(true)
                && to.map(t -> call.startedAt().isBefore(t)).orElse(true)
                && outcome.map(o -> o == call.outcome()).orElse(true)
                && operator.map(o -> call.answeredBy().filter(o::equals).isPresent()).orElse(true)
                && language.map(l -> call.language().filter(l::equals).isPresent()).orElse(true)
                && territory.map(t -> call.territory().filter(t::equals).isPresent()).orElse(true)
                && hasTicket.map(h -> h == !call.ticketIds().isEmpty()).orElse(true);
    }
}
