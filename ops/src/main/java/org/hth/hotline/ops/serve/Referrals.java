package org.hth.hotline.ops.serve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

import org.hth.hotline.core.HotlineException;
import org.hth.hotline.core.config.ReferralsConfig;
import org.hth.hotline.core.destination.Destination;
import org.hth.hotline.core.destination.Destinations;
import org.hth.hotline.core.destination.DestinationsLoader;
import org.hth.hotline.core.referral.rules.ReferralRules;
import org.hth.hotline.core.referral.rules.RulesLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The destinations and referral rules, read at start-up. A file that is missing or invalid stops start-up
 * naming the key and the problem; a destination whose URL or secret is not set yet only warns: its referrals
 * wait in the outbox until it is configured.
 *
 * @param destinations the UOR and the street units
 * @param rules        which destinations a ticket goes to
 */
record Referrals(Destinations destinations, ReferralRules rules) {
    private static final Logger log = LoggerFactory.getLogger(Referrals.class);

    static Referrals load(ReferralsConfig config, Map<String, String> env) {
        Destinations destinations = read("referrals.destinationsFile", "HOTLINE_REFERRALS_DESTINATIONS_FILE",
                config.destinationsFile(), () -> new DestinationsLoader(env).load(config.destinationsFile()));
        ReferralRules rules = read("referrals.rulesFile", "HOTLINE_REFERRALS_RULES_FILE", config.rulesFile(),
                () -> new RulesLoader().load(config.rulesFile(), destinations));
        for (Destination destination : destinations.all()) {
            if (destination.enabled()) {
                destination.missing().ifPresent(missing -> log.warn("destination {}: {}; its referrals wait in the"
                        + " outbox until it is set", destination.id(), missing));
            }
        }
        return new Referrals(destinations, rules);
    }

    private static <T> T read(String key, String envName, Path file, Supplier<T> reader) {
        if (!Files.isRegularFile(file)) {
            throw new StartupException(key + ": " + file + " not found; expected the file (see config/ in the"
                    + " repository) or its path in " + envName);
        }
        try {
            return reader.get();
        } catch (HotlineException e) {
            throw new StartupException(key + ": " + file + " is refused: " + e.getMessage(), e);
        }
    }
}
