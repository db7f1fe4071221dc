package org.hth.hotline.core.roster;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;

/** Local date-times of the roster turned into instants, one rule for hand-offs and overrides alike. */
final class LocalTimes {
    private LocalTimes() {
    }

    /**
     * The first instant at which the wall clock of {@code zone} reads {@code local} or later: in a
     * spring-forward gap (02:30 that never happens) the instant the clock jumps (03:00 summer time); in a
     * fall-back overlap (02:30 that happens twice) the first of the two.
     */
    static Instant firstInstantAt(LocalDateTime local, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            return rules.getTransition(local).getInstant();
        }
        return local.toInstant(offsets.get(0));
    }
}
