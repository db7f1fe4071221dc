package org.hth.hotline.core.export;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.referral.ExploitationType;
import org.hth.hotline.core.referral.Ticket;

/**
 * The anonymised dataset for the project's reports and the national system (SIRIT): counts only, by month and one
 * dimension at a time (calls by outcome, language and territory; tickets by territory, access channel,
 * exploitation, gender and age band, minors, nationality). No id, no pseudonym, no free text, no date finer than
 * the month; a count below the threshold (but above zero) is suppressed: its {@code count} is empty and
 * {@code suppressed} true. Not thread-safe: one per export.
 */
public final class SiritDataset {
    /** The columns of the table. */
    public static final List<String> COLUMNS = List.of("table", "month", "value", "count", "suppressed");

    private final ZoneId zone;
    private final int threshold;
    private final Map<String, Long> counts = new TreeMap<>();

    /** @param threshold the smallest count published (default 5) */
    public SiritDataset(ZoneId zone, int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1, was " + threshold);
        }
        this.zone = zone;
        this.threshold = threshold;
    }

    public void add(CallRecord call) {
        String month = YearMonth.from(call.startedAt().atZone(zone)).toString();
        count("calls_by_outcome", month, call.outcome().name());
        count("calls_by_language", month, call.language().orElse("unknown"));
        count("calls_by_territory", month, call.territory().map(Enum::name).orElse("unknown"));
    }

    public void add(Ticket ticket) {
        String month = YearMonth.from(ticket.createdAt().atZone(zone)).toString();
        count("tickets_by_territory", month, ticket.territory().name());
        count("tickets_by_access_channel", month, ticket.accessChannel().name());
        for (ExploitationType type : ticket.exploitation()) {
            count("tickets_by_exploitation", month, type.name());
        }
        count("persons_by_gender_age", month, ticket.person().gender().orElse("unknown") + "/"
                + ticket.person().ageBand().orElse("unknown"));
        count("persons_minor", month, Boolean.toString(ticket.person().minor()));
        count("persons_by_nationality", month, ticket.person().nationality().orElse("unknown"));
    }

    public Table table() {
        List<List<Object>> rows = new ArrayList<>();
        counts.forEach((key, n) -> {
            String[] parts = key.split("\t", 3);
            boolean suppressed = n < threshold;
            List<Object> row = new ArrayList<>(List.of(parts[0], parts[1], parts[2]));
            row.add(suppressed ? null : n);
            row.add(suppressed);
            rows.add(row);
        });
        return new Table(COLUMNS, rows);
    }

    private void count(String table, String month, String value) {
        counts.merge(table + "\t" + month + "\t" + value, 1L, Long::sum);
    }
}
