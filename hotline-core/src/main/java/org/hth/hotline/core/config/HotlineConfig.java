package org.hth.hotline.core.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The whole server configuration, one record per concern. Built by {@link ConfigLoader} (already validated)
 * or directly by tests. Immutable and thread-safe.
 *
 * @param dataDir    where the SQLite file and generated keys live
 * @param store      which store adapter to use
 * @param redis      the Redis connection, used when {@code store} is {@link StoreKind#REDIS}
 * @param console    the agent-console HTTP server
 * @param agi        the FastAGI server Asterisk connects to
 * @param roster     where the on-call roster comes from
 * @param ami        the connection to Asterisk's manager interface
 * @param dispatcher the outbox dispatcher
 * @param referrals  where referral tickets go
 * @param logging    log output
 * @param secrets    the pseudonym and encryption keys
 * @param retention  when personal data is erased
 */
public record HotlineConfig(Path dataDir, StoreKind store, RedisConfig redis, ConsoleConfig console,
                            AgiConfig agi, RosterConfig roster, AmiConfig ami, DispatcherConfig dispatcher, ReferralsConfig referrals,
                            LoggingConfig logging,
                            SecretsConfig secrets, RetentionConfig retention) {
    public HotlineConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(redis, "redis");
        Objects.requireNonNull(console, "console");
        Objects.requireNonNull(agi, "agi");
        Objects.requireNonNull(roster, "roster");
        Objects.requireNonNull(ami, "ami");
        Objects.requireNonNull(dispatcher, "dispatcher");
        Objects.requireNonNull(referrals, "referrals");
        Objects.requireNonNull(logging, "logging");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(retention, "retention");
    }
}
