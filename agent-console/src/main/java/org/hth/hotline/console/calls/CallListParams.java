package org.hth.hotline.console.calls;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.vertx.core.MultiMap;

import org.hth.hotline.console.api.QueryParams;
import org.hth.hotline.core.call.CallOutcome;
import org.hth.hotline.core.call.CallQuery;
import org.hth.hotline.core.referral.Territory;

/**
 * Reads {@code from, to, outcome, operator, language, territory, hasTicket, after, limit} into a {@link CallQuery}, with
 * a field-level 400 for every bad value. Stateless.
 */
final class CallListParams {
    static final int DEFAULT_LIMIT = 50;
    static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");
    private static final Pattern BOOLEAN = Pattern.compile("true|false");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private CallListParams() {
    }

    static CallQuery parse(MultiMap params) {
        QueryParams q = new QueryParams(params,
                Set.of("from", "to", "outcome", "operator", "language", "territory", "after", "limit", "hasTicket"));
        var from = q.instant("from");
        var to = q.instant("to");
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            q.errors().add("to", "must be after from");
        }
        Optional<CallOutcome> outcome = q.choice("outcome", CallOutcome.class);
        Optional<String> operator = q.text("operator", ID, "an operator id");
        Optional<String> language = q.text("language", LANGUAGE, "an ISO 639 language code such as it or en");
        Optional<Territory> territory = q.choice("territory", Territory.class);
        Optional<String> after = q.text("after", ID, "the last call id of the previous page");
        int limit = q.integer("limit", 1, CallQuery.MAX_LIMIT, DEFAULT_LIMIT);
        Optional<Boolean> hasTicket = q.text("hasTicket", BOOLEAN, "true or false").map(Boolean::parseBoolean);
        q.errors().throwIfAny();
        return new CallQuery(from, to, outcome, operator, language, territory, after, limit, hasTicket);
    }
}
