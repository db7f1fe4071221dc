package org.hth.hotline.core.destination;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.hth.hotline.core.referral.Territory;

/**
 * One receiver of referrals.
 *
 * @param id            {@code uor}, {@code uds-asl1}, {@code uds-asl2}, {@code uds-asl3-4}, {@code uds-asl5}
 * @param name          for people
 * @param enabled       whether referrals are delivered to it; while it is not, they wait in the outbox. As
 *                      configured, also whether the rules choose it: a destination disabled in the file and
 *                      chosen by a rule is recorded in the ticket's history, never skipped silently. A
 *                      coordinator may switch it ({@link DestinationOverride})
 * @param url           its webhook address; an enabled destination without one (or without secrets) is
 *                      <em>waiting for configuration</em>: its deliveries stay in the outbox, and the
 *                      dispatcher's health names it, until the URL and secret are set
 * @param secrets       its signing secrets
 * @param territories   the territories it is the street unit of (empty for the region-wide UOR)
 * @param allowedFields the ticket fields it may receive ({@link PayloadFields})
 */
public record Destination(String id, String name, boolean enabled, Optional<URI> url, Optional<SigningSecrets> secrets,
                          Set<Territory> territories, Set<String> allowedFields) {
    public Destination {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secrets, "secrets");
        territories = Set.copyOf(territories);
        allowedFields = Set.copyOf(allowedFields);
    }

    /** Whether it can be sent to: it has a URL and a signing secret. */
    public boolean configured() {
        return url.isPresent() && secrets.isPresent();
    }

    /** What is missing to send to it, naming the environment variables; empty when configured. */
    public Optional<String> missing() {
        String prefix = environmentPrefix(id);
        if (url.isEmpty() && secrets.isEmpty()) {
            return Optional.of("no URL and no secret (" + prefix + "_URL, " + prefix + "_SECRET)");
        }
        if (url.isEmpty()) {
            return Optional.of("no URL (" + prefix + "_URL or url in destinations.yaml)");
        }
        return secrets.isEmpty() ? Optional.of("no secret (" + prefix + "_SECRET=whsec_…)") : Optional.empty();
    }

    /** The prefix of its environment variables: {@code HOTLINE_DESTINATION_UDS_ASL3_4}. */
    public static String environmentPrefix(String id) {
        return "HOTLINE_DESTINATION_" + id.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }
}
