package org.hth.hotline.core.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hth.hotline.core.roster.Presence;
import org.hth.hotline.core.roster.RosterVersion;
import org.hth.hotline.core.store.RosterStore;

/**
 * Roster versions in {@code roster_version} (numbered in the write transaction that saves them) and
 * presence in {@code presence}, one row per operator. Thread-safe.
 */
final class SqliteRosterStore implements RosterStore {
    private final SqliteDatabase database;
    private final JsonColumn json;

    SqliteRosterStore(SqliteDatabase database, JsonColumn json) {
        this.database = database;
        this.json = json;
    }

    @Override
    public RosterVersion save(String document, String savedBy, Instant at) {
        return database.write("save a roster version", c -> {
            long version;
            try (var statement = c.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(version), 0) + 1 FROM roster_version")) {
                rs.next();
                version = rs.getLong(1);
            }
            RosterVersion saved = new RosterVersion(version, at, savedBy, document);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO roster_version (version, saved_at_ms, json) VALUES (?, ?, ?)")) {
                insert.setLong(1, version);
                insert.setLong(2, at.toEpochMilli());
                insert.setString(3, json.write(saved, "roster version", Long.toString(version)));
                insert.executeUpdate();
            }
            return saved;
        });
    }

    @Override
    public Optional<RosterVersion> current() {
        return history(1).stream().findFirst();
    }

    @Override
    public List<RosterVersion> history(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        return database.read("read the roster history", c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT version, json FROM roster_version ORDER BY version DESC LIMIT ?")) {
                select.setInt(1, limit);
                List<RosterVersion> versions = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        versions.add(json.read(rs.getString(2), RosterVersion.class, "roster version",
                                rs.getString(1)));
                    }
                }
                return versions;
            }
        });
    }

    @Override
    public void setPresence(Presence presence) {
        String document = json.write(presence, "presence", presence.operatorId());
        database.write("set the presence of " + presence.operatorId(), c -> {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO presence (operator_id, json) VALUES (?, ?)"
                    + " ON CONFLICT (operator_id) DO UPDATE SET json = excluded.json")) {
                upsert.setString(1, presence.operatorId());
                upsert.setString(2, document);
                return upsert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Presence> presence(String operatorId) {
        return database.read("read the presence of " + operatorId, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT json FROM presence WHERE operator_id = ?")) {
                select.setString(1, operatorId);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(json.read(rs.getString(1), Presence.class, "presence", operatorId))
                            : Optional.<Presence>empty();
                }
            }
        });
    }

    @Override
    public List<Presence> allPresence() {
        return database.read("read every presence", c -> {
            List<Presence> all = new ArrayList<>();
            try (var statement = c.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT operator_id, json FROM presence ORDER BY operator_id")) {
                while (rs.next()) {
                    all.add(json.read(rs.getString(2), Presence.class, "presence", rs.getString(1)));
                }
            }
            return all;
        });
    }
}
