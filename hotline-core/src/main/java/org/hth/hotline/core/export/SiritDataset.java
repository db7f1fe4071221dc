package org.hth.hotline.core.export;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 *
 * <p>Suppression is primary and complementary. Each table's rows for one month form a group whose sum is known to a
 * reader: the calls tables of a month all add up to that month's calls, the ticket and person tables (but the
 * exploitation one, where a ticket counts once per type) to its tickets, so a group's total can be read off any other
 * group of the family that is published in full. A group with exactly one suppressed count would therefore give it
 * away (total minus the others), so its smallest published count is suppressed too (ties broken by value). Groups
 * are disjoint, so one pass reaches the fixed point: afterwards no group holds exactly one suppressed count beside
 * published ones. A group whose only count is suppressed leaks nothing either: its total is then below the threshold,
 * so every group of its family for that month is wholly suppressed and the total is unknown. The exploitation groups
 * are treated the same way, although their sums are not published.
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
        Set<String> hidden = suppressedKeys();
        List<List<Object>> rows = new ArrayList<>();
        counts.forEach((key, n) -> {
            String[] parts = key.split("\t", 3);
            boolean suppressed = hidden.contains(key);
            List<Object> row = new ArrayList<>(List.of(parts[0], parts[1], parts[2]));
            row.add(suppressed ? null : n);
            row.add(suppressed);
            rows.add(row);
        });
        return new Table(COLUMNS, rows);
    }

    /** The keys of the counts not published: below the threshold, and their complements (see the class comment). */
    private Set<String> suppressedKeys() {
        Set<String> hidden = new HashSet<>();
        Map<String, List<String>> groups = new TreeMap<>();
        counts.forEach((key, n) -> {
            if (n < threshold) {
                hidden.add(key);
            }
            groups.computeIfAbsent(key.substring(0, key.lastIndexOf('\t')), g -> new ArrayList<>()).add(key);
        });
        for (List<String> group : groups.values()) {
            if (group.stream().filter(hidden::contains).count() == 1) {
                group.stream().filter(key -> !hidden.contains(key))
                        .min(Comparator.<String, Long>comparing(counts::get).thenComparing(Comparator.naturalOrder()))
                        .ifPresent(hidden::add);
            }
        }
        return hidden;
    }

    private void count(String table, String month, String value) {
        counts.merge(table + "\t" + month + "\t" + value, 1L, Long::sum);
    }
}
