package org.hth.hotline.core.stats;

import java.time.ZoneId;

import org.hth.hotline.core.call.CallQuery;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.referral.Ticket;
import org.hth.hotline.core.referral.TicketQuery;
import org.hth.hotline.core.store.Page;
import org.hth.hotline.core.store.Store;

/**
 * Computes a period's {@link StatsReport} from the store: walks the call log of the period page by page (keyset
 * paging, so a year costs a few hundred index reads) and the newest {@value #MAX_TICKETS} tickets. Blocking: call
 * on a worker thread. Thread-safe.
 */
public final class StatsService {
    /** How many of the newest tickets are looked at (a regional line opens a few hundred a year). */
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
        CallQuery query = CallQuery.all(PAGE).between(period.from(), period.to());
        while (true) {
            Page<CallRecord> page = store.calls().query(query);
            page.items().forEach(stats::add);
            if (page.next().isEmpty()) {
                break;
            }
            query = query.after(page.next().get());
        }
        for (Ticket ticket : store.tickets().query(TicketQuery.all(MAX_TICKETS))) {
            if (period.contains(ticket.createdAt())) {
                stats.add(ticket, store.outbox().forTicket(ticket.id()));
            }
        }
        return stats.report();
    }
}
