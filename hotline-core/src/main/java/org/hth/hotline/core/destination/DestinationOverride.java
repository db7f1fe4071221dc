package org.hth.hotline.core.destination;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A coordinator's change to one destination, saved in the store so that it survives a restart. It records the
 * configured values it replaced ({@code destinations.yaml} or the environment): each of its two settings applies
 * only while the configured value is still the one it replaced, so a later edit of the file for the same
 * destination is not hidden by an older change from the console. Secrets are never part of it.
 *
 * @param destinationId   the destination
 * @param url             its address as the coordinator set it; empty keeps the configured one
 * @param enabled         whether referrals are delivered to it now; a disabled destination's referrals wait
 * @param replacedUrl     the configured address when the change was made
 * @param replacedEnabled the configured {@code enabled} when the change was made
 * @param changedBy       the coordinator's user name
 * @param changedAt       when
 */
public record DestinationOverride(String destinationId, Optional<URI> url, boolean enabled, Optional<URI> replacedUrl,
                                  boolean replacedEnabled, String changedBy, Instant changedAt) {
    public DestinationOverride {
        Objects.requireNonNull(destinationId, "destinationId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(replacedUrl, "replacedUrl");
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    /** Whether its address applies to {@code configured}: it sets one and the file still holds the one it replaced. */
    public boolean urlAppliesTo(Destination configured) {
        return url.isPresent() && replacedUrl.equals(configured.url());
    }

    /** Whether its {@code enabled} applies to {@code configured}: the file still holds the value it replaced. */
    public boolean enabledAppliesTo(Destination configured) {
        return replacedEnabled == configured.enabled();
    }

    /** {@code configured} with whatever of this change still applies. */
    public Destination applyTo(Destination configured) {
        return new Destination(configured.id(), configured.name(),
                enabledAppliesTo(configured) ? enabled : configured.enabled(),
                urlAppliesTo(configured) ? url : configured.url(), configured.secrets(), configured.territories(),
                configured.allowedFields());
    }
}
