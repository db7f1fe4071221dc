package org.hth.hotline.core.export;

import java.time.ZoneId;
import java.util.List;

import org.hth.hotline.core.call.CallQuery;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.referral.Ticket;
import org.hth.hotline.core.referral.TicketQuery;
import org.hth.hotline.core.stats.StatsPeriod;
import org.hth.hotline.core.store.Page;
import org.hth.hotline.core.store.Store;

/**
 * Builds the export tables of a period from the store. The call export leaves out notes and pseudonyms; the ticket
 * export leaves out the summary, the person's name and any callback number; the SIRIT export is
 * {@link SiritDataset}. A progress callback gets the records read so far and the share of the period covered. Blocking: call on a worker
 * thread. Thread-safe.
 */
public final class ExportService {
    public static final List<String> CALL_COLUMNS = List.of("callId", "startedAt", "answeredAt", "endedAt",
            "waitSeconds", "talkSeconds", "outcome", "language", "territory", "answeredBy", "category", "hangupCause",
            "tickets");
    public static final List<String> TICKET_COLUMNS = List.of("ticketId", "createdAt", "kind", "callId",
            "accessChannel", "exploitation", "gender", "ageBand", "minor", "nationality", "languages", "needs",
            "urgency", "territory", "consent", "destinations", "status");

    private final Store store;
    private final ZoneId zone;
    private final int siritThreshold;

    public ExportService(Store store, ZoneId zone, int siritThreshold) {
        this.store = store;
        this.zone = zone;
        this.siritThreshold = siritThreshold;
    }

    /** The columns of an export of this kind, in the order of its rows' cells. */
    public static List<String> columns(ExportKind kind) {
        return switch (kind) {
            case CALLS -> CALL_COLUMNS;
            case TICKETS -> TICKET_COLUMNS;
            case SIRIT -> SiritDataset.COLUMNS;
        };
    }

    /**
     * Writes the export's rows to {@code rows} as they are read: the calls a page at a time, so an export of any
     * period holds one page of calls in memory (the tickets, at most 50,000, are read at once; the SIRIT dataset
     * keeps only its counts). Does not finish the writer.
     *
     * @return how many rows were written
     */
    public long export(ExportKind kind, StatsPeriod period, ExportProgress progress, RowWriter rows) {
        return switch (kind) {
            case CALLS -> calls(period, progress, c -> rows.row(callRow(c)));
            case TICKETS -> writeAll(tickets(period).stream().map(ExportService::ticketRow).toList(), rows);
            case SIRIT -> {
                SiritDataset sirit = new SiritDataset(zone, siritThreshold);
                calls(period, progress, sirit::add);
                tickets(period).forEach(sirit::add);
                yield writeAll(sirit.table().rows(), rows);
            }
        };
    }

    private static long writeAll(List<List<Object>> all, RowWriter rows) {
        all.forEach(rows::row);
        return all.size();
    }

    /** Gives every call of the period to {@code sink}, a page at a time; returns how many. */
    private long calls(StatsPeriod period, ExportProgress progress, java.util.function.Consumer<CallRecord> sink) {
        CallQuery query = CallQuery.all(CallQuery.MAX_LIMIT).between(period.from(), period.to());
        long read = 0;
        while (true) {
            Page<CallRecord> page = store.calls().query(query);
            page.items().forEach(sink);
            read += page.items().size();
            double span = period.to().toEpochMilli() - period.from().toEpochMilli();
            double done = page.next().isEmpty() || page.items().isEmpty() ? 1 : (period.to().toEpochMilli()
                    - page.items().get(page.items().size() - 1).startedAt().toEpochMilli()) / span;
            progress.update(read, done);
            if (page.next().isEmpty()) {
                return read;
            }
            query = query.after(page.next().get());
        }
    }

    private List<Ticket> tickets(StatsPeriod period) {
        return store.tickets().query(TicketQuery.all(50_000)).stream()
                .filter(t -> period.contains(t.createdAt())).toList();
    }

    private static List<Object> callRow(CallRecord c) {
        return java.util.Arrays.asList(c.callId(), c.startedAt().toString(),
                c.answeredAt().map(Object::toString).orElse(null), c.endedAt().toString(), c.waitSeconds(),
                c.talkSeconds(), c.outcome().name(), c.language().orElse(null),
                c.territory().map(Enum::name).orElse(null), c.answeredBy().orElse(null),
                c.category().map(Enum::name).orElse(null), c.hangupCause(), c.ticketIds().size());
    }

    private static List<Object> ticketRow(Ticket t) {
        return java.util.Arrays.asList(t.id(), t.createdAt().toString(), t.kind().name(), t.callId().orElse(null),
                t.accessChannel().name(), joined(t.exploitation()), t.person().gender().orElse(null),
                t.person().ageBand().orElse(null), t.person().minor(), t.person().nationality().orElse(null),
                String.join(";", t.person().languages()), joined(t.needs()), t.urgency().name(), t.territory().name(),
                t.consent(), String.join(";", t.destinations()), t.status().name());
    }

    private static String joined(java.util.Set<? extends Enum<?>> values) {
        return String.join(";", values.stream().map(Enum::name).sorted().toList());
    }
}
