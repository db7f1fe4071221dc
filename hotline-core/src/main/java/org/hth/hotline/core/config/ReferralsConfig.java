package org.hth.hotline.core.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where referral tickets go ({@code referrals:} in YAML).
 *
 * @param destinationsFile the UOR and the street units, their URLs and allowed fields; default
 *                         {@code config/destinations.yaml} (secrets only from the environment)
 * @param rulesFile        which destinations a ticket goes to; default {@code config/referral-rules.yaml}
 */
public record ReferralsConfig(Path destinationsFile, Path rulesFile) {
    public ReferralsConfig {
        Objects.requireNonNull(destinationsFile, "destinationsFile");
        Objects.requireNonNull(rulesFile, "rulesFile");
    }
}
