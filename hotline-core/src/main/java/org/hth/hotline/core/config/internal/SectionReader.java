package org.hth.hotline.core.config.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import org.hth.hotline.core.config.AgiConfig;
import org.hth.hotline.core.config.AmiConfig;
import org.hth.hotline.core.config.ConsoleConfig;
import org.hth.hotline.core.config.DispatcherConfig;
import org.hth.hotline.core.config.LogFormat;
import org.hth.hotline.core.config.LoggingConfig;
import org.hth.hotline.core.config.RedisConfig;
import org.hth.hotline.core.config.RetentionConfig;
import org.hth.hotline.core.config.ReferralsConfig;
import org.hth.hotline.core.config.RosterConfig;
import org.hth.hotline.core.config.Secret;
import org.hth.hotline.core.config.StoreKind;

/**
 * Reads and validates each section into its record. On a problem the record holds a stand-in value; the caller
 * must check {@link Problems} before using any record. Not thread-safe; one per load.
 */
public final class SectionReader {
    private static final String HOST = "a host name or IP address";
    private final TypedSettings t;

    public SectionReader(TypedSettings t) {
        this.t = t;
    }

    public Path dataDir() {
        String text = t.text("dataDir", "a directory path");
        try {
            return Path.of(text.isEmpty() ? "." : text);
        } catch (InvalidPathException e) {
            t.reject("dataDir", "is not a valid path", "a directory path");
            return Path.of(".");
        }
    }

    public StoreKind store() {
        return t.choice("store", StoreKind.class);
    }

    public RedisConfig redis() {
        return new RedisConfig(redisUrl("redis.url"), t.duration("redis.timeout"));
    }

    public ConsoleConfig console() {
        Duration idle = t.duration("console.sessionIdleTimeout");
        Duration maxAge = t.duration("console.sessionMaxAge");
        if (idle.compareTo(maxAge) > 0) {
            t.reject("console.sessionIdleTimeout", "is longer than console.sessionMaxAge",
                    "at most console.sessionMaxAge");
        }
        int failures = t.integer("console.loginMaxFailures", 1, 1000, "a whole number 1-1000");
        Optional<Path> cert = readableFile("console.tlsCertFile", "a readable PEM certificate file");
        Optional<Path> key = readableFile("console.tlsKeyFile", "a readable PEM private key file");
        if (cert.isPresent() != key.isPresent()) {
            String missing = cert.isPresent() ? "console.tlsKeyFile" : "console.tlsCertFile";
            t.rejectUnquoted(missing, "is not set, but the other TLS file is",
                    "both console.tlsCertFile and console.tlsKeyFile, or neither");
        }
        return new ConsoleConfig(t.text("console.host", HOST), t.port("console.port"), httpUrl("console.publicUrl"),
                idle, maxAge, failures, t.duration("console.loginLockout"), cert, key);
    }

    public AgiConfig agi() {
        List<String> clients = t.list("agi.allowedClients");
        for (String client : clients) {
            if (IpBlock.parse(client).isEmpty()) {
                t.rejectUnquoted("agi.allowedClients", "entry \"" + client + "\" is not an IP address or CIDR block",
                        "IP addresses or CIDR blocks such as 127.0.0.1, ::1, 10.0.0.0/24");
            }
        }
        return new AgiConfig(t.text("agi.host", HOST), t.port("agi.port"), clients,
                t.integer("agi.maxCalls", 1, 100_000, "a whole number of calls 1-100000"),
                callbackRetention());
    }

    private Duration callbackRetention() {
        Duration retention = t.duration("agi.callbackRetention");
        if (retention.toDays() > 30) {
            t.reject("agi.callbackRetention", "is longer than 30 days", "a short time such as 72h (at most 30d)");
            return Duration.ofHours(72);
        }
        return retention;
    }

    public RosterConfig roster() {
        return new RosterConfig(file("roster.file", "config/roster.yaml"));
    }

    public ReferralsConfig referrals() {
        return new ReferralsConfig(file("referrals.destinationsFile", "config/destinations.yaml"),
                file("referrals.rulesFile", "config/referral-rules.yaml"));
    }

    private Path file(String key, String example) {
        String text = t.text(key, "a file path");
        try {
            return Path.of(text.isEmpty() ? example : text);
        } catch (InvalidPathException e) {
            t.reject(key, "is not a valid path", "a file path such as " + example);
            return Path.of(example);
        }
    }

    public AmiConfig ami(Optional<Secret> secret) {
        boolean enabled = t.bool("ami.enabled");
        String host = t.text("ami.host", HOST);
        int port = t.port("ami.port");
        String username = t.text("ami.username", "the AMI user name from manager.conf");
        Duration connectTimeout = t.duration("ami.connectTimeout");
        Duration min = t.duration("ami.reconnectMin");
        Duration max = t.duration("ami.reconnectMax");
        if (min.compareTo(max) > 0) {
            t.reject("ami.reconnectMin", "is longer than ami.reconnectMax", "at most ami.reconnectMax");
        }
        return new AmiConfig(enabled, host, port, username, secret, connectTimeout, min, max);
    }

    public DispatcherConfig dispatcher() {
        return new DispatcherConfig(t.bool("dispatcher.enabled"),
                t.integer("dispatcher.workers", 1, Integer.MAX_VALUE, "a whole number of at least 1"),
                t.duration("dispatcher.lease"), t.duration("dispatcher.pollInterval"));
    }

    public LoggingConfig logging() {
        return new LoggingConfig(t.choice("logging.format", LogFormat.class));
    }

    public RetentionConfig retention() {
        Duration period = t.duration("retention.period");
        boolean valid = t.optionalText("retention.period").flatMap(Durations::parse).filter(d -> !d.isNegative() && !d.isZero())
                .isPresent();
        if (period.compareTo(RetentionConfig.MINIMUM_PERIOD) < 0) {
            if (valid) { // otherwise duration() has said what is wrong
                t.reject("retention.period", "is shorter than 30 days", "a period of at least 30d, such as 365d");
            }
            period = RetentionConfig.MINIMUM_PERIOD;
        }
        return new RetentionConfig(period, timeOfDay("retention.runAt"));
    }

    private LocalTime timeOfDay(String key) {
        String expected = "a local time of day HH:MM (Europe/Rome), such as 03:30";
        String text = t.text(key, expected);
        if (text.isEmpty()) {
            return LocalTime.of(3, 30);
        }
        try {
            if (text.matches("\\d{2}:\\d{2}")) {
                return LocalTime.parse(text);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        t.reject(key, "is not a time of day", expected);
        return LocalTime.of(3, 30);
    }

    public boolean generateMissingSecrets() {
        return t.bool("secrets.generateMissing");
    }

    private Optional<Path> readableFile(String key, String expected) {
        Optional<String> text = t.optionalText(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path file = Path.of(text.get());
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                t.reject(key, "is not a readable file", expected);
            }
            return Optional.of(file);
        } catch (InvalidPathException e) {
            t.reject(key, "is not a valid path", expected);
            return Optional.empty();
        }
    }

    private URI redisUrl(String key) {
        String expected = "redis://host:port[/db] or rediss://host:port[/db]";
        Optional<URI> parsed = uri(key, expected);
        if (parsed.isEmpty()) {
            return URI.create("redis://127.0.0.1:6379");
        }
        URI url = parsed.get();
        if (!"redis".equals(url.getScheme()) && !"rediss".equals(url.getScheme())) {
            complain(key, url.toString(), "does not start with redis:// or rediss://", expected);
        } else if (url.getHost() == null) {
            complain(key, url.toString(), "has no host", expected);
        } else if (url.getPort() > 65535) {
            complain(key, url.toString(), "has a port out of range", expected);
        } else if (url.getRawPath() != null && !url.getRawPath().matches("(/\\d{0,5})?")) {
            complain(key, url.toString(), "names a database that is not a number", expected);
        } else if (url.getRawUserInfo() != null && !t.fromEnv(key)) {
            t.rejectUnquoted(key, "holds credentials, which are not read from the configuration file",
                    "the URL with credentials in env HOTLINE_REDIS_URL");
        }
        return url;
    }

    private String httpUrl(String key) {
        String expected = "an absolute http:// or https:// URL such as https://hotline.example";
        Optional<URI> parsed = uri(key, expected);
        if (parsed.isPresent()) {
            URI url = parsed.get();
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                t.reject(key, "is not an http(s) URL", expected);
            } else if (url.getHost() == null) {
                t.reject(key, "has no host", expected);
            }
        }
        return t.optionalText(key).orElse("http://localhost").replaceAll("/+$", "");
    }

    private Optional<URI> uri(String key, String expected) {
        String text = t.text(key, expected);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(text));
        } catch (URISyntaxException e) {
            complain(key, text, "is not a URL", expected);
            return Optional.empty();
        }
    }

    /** Rejects the value, but does not quote it when it may hold credentials. */
    private void complain(String key, String url, String problem, String expected) {
        if (url.contains("@")) {
            t.rejectUnquoted(key, "(credentials hidden) " + problem, expected);
        } else {
            t.reject(key, problem, expected);
        }
    }
}
