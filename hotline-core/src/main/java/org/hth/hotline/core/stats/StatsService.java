package org.hth.hotline.core.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

import org.hth.hotline.core.call.CallQuery;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.referral.Ticket;
import org.hth.hotline.core.referral.TicketQuery;
import org.hth.hotline.core.store.Page;
import org.hth.hotline.core.store.Store;

/**
 * Computes a period's {@link StatsReport} from the store. The calls of the whole UTC days inside the period come
 * from the store's rollup ({@link org.hth.hotline.core.store.CallStore#rollup}: a few thousand counters for a
 * year, whatever the number of calls), mapped hour by hour to the local day and hour of the week; the calls of
 * the partial days at either end are read from the call log (keyset paging). When the zone's offsets over the
 * period are not all whole hours (a UTC hour would fall in two local hours), every call is read from the log.
 * Tickets: the newest {@value #MAX_TICKETS} created in the period (read through the store's creation-time index).
 * Blocking: call on a worker thread. Thread-safe.
 */
public final class StatsService {
    /** How many of the period's newest tickets are looked at (a regional line opens a few hundred a year). */
    public static final int MAX_TICKETS = 50_000;
    private static final int PAGE = CallQuery.MAX_LIMIT;

    private final Store store;
    private final ZoneId zone;

    public StatsService(Store store, ZoneId zone) {
        this.store = store;
        this.zone = zone;
    }

    public StatsReport compute(StatsPeriod period) {
        CallStatistics stats = new CallStatistics(period, zone);
        LocalDate firstDay = LocalDate.ofInstant(period.from().minusNanos(1), ZoneOffset.UTC).plusDays(1);
        LocalDate endDay = LocalDate.ofInstant(period.to(), ZoneOffset.UTC);
        Instant wholeFrom = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant wholeTo = endDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        if (firstDay.isBefore(endDay) && wholeHourOffsets(period)) {
            stats.add(store.calls().rollup(firstDay, endDay));
            readCalls(stats, period.from(), wholeFrom);
            readCalls(stats, wholeTo, period.to());
        } else {
            readCalls(stats, period.from(), period.to());
        }
        TicketQuery tickets = TicketQuery.all(MAX_TICKETS).createdBetween(period.from(), period.to());
        for (Ticket ticket : store.tickets().query(tickets)) {
            stats.add(ticket, store.outbox().forTicket(ticket.id()));
        }
        return stats.report();
    }

    /** Adds the calls that started in {@code [from, to)}, read page by page from the call log. */
    private void readCalls(CallStatistics stats, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return;
        }
        CallQuery query = CallQuery.all(PAGE).between(from, to);
        while (true) {
            Page<CallRecord> page = store.calls().query(query);
            page.items().forEach(stats::add);
            if (page.next().isEmpty()) {
                break;
            }
            query = query.after(page.next().get());
        }
    }

    /**
     * Whether every UTC hour of the period lies in one local hour: every offset in force is a whole number of
     * hours and changes only on a whole UTC hour.
     */
    private boolean wholeHourOffsets(StatsPeriod period) {
        ZoneRules rules = zone.getRules();
        if (rules.getOffset(period.from()).getTotalSeconds() % 3600 != 0) {
            return false;
        }
        Instant at = period.from();
        while (true) {
            ZoneOffsetTransition next = rules.nextTransition(at);
            if (next == null || !next.getInstant().isBefore(period.to())) {
                return true;
            }
            if (next.getOffsetAfter().getTotalSeconds() % 3600 != 0
                    || next.getInstant().getEpochSecond() % Duration.ofHours(1).toSeconds() != 0) {
                return false;
            }
            at = next.getInstant();
        }
    }
}
