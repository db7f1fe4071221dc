package org.hth.hotline.core.export;

import java.time.ZoneId;
import java.util.ArrayList;
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

    public Table export(ExportKind kind, StatsPeriod period, ExportProgress progress) {
        return switch (kind) {
            case CALLS -> {
                List<List<Object>> rows = new ArrayList<>();
                calls(period, progress, c -> rows.add(callRow(c)));
                yield new Table(CALL_COLUMNS, rows);
            }
            case TICKETS -> new Table(TICKET_COLUMNS, tickets(period).stream().map(ExportService::ticketRow).toList());
            case SIRIT -> {
                SiritDataset sirit = new SiritDataset(zone, siritThreshold);
                calls(period, progress, sirit::add);
                tickets(period).forEach(sirit::add);
                yield sirit.table();
            }
        };
    }

    private void calls(StatsPeriod period, ExportProgress progress, java.util.function.Consumer<CallRecord> sink) {
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
                return;
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
