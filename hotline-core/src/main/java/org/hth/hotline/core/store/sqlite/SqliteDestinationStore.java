package org.hth.hotline.core.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.hth.hotline.core.destination.DestinationOverride;
import org.hth.hotline.core.store.DestinationStore;

/** The coordinators' changes to destinations in {@code destination_override}, one row per destination. Thread-safe. */
final class SqliteDestinationStore implements DestinationStore {
    private static final String KIND = "destination override";

    private final SqliteDatabase database;
    private final JsonColumn json;

    SqliteDestinationStore(SqliteDatabase database, JsonColumn json) {
        this.database = database;
        this.json = json;
    }

    @Override
    public void saveOverride(DestinationOverride override) {
        String document = json.write(override, KIND, override.destinationId());
        database.write("save the override of destination " + override.destinationId(), c -> {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO destination_override (destination_id,"
                    + " changed_at_ms, json) VALUES (?, ?, ?) ON CONFLICT (destination_id) DO UPDATE SET"
                    + " changed_at_ms = excluded.changed_at_ms, json = excluded.json")) {
                upsert.setString(1, override.destinationId());
                upsert.setLong(2, override.changedAt().toEpochMilli());
                upsert.setString(3, document);
                upsert.executeUpdate();
                return null;
            }
        });
    }

    @Override
    public boolean removeOverride(String destinationId) {
        return database.write("remove the override of destination " + destinationId, c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM destination_override WHERE destination_id = ?")) {
                delete.setString(1, destinationId);
                return delete.executeUpdate() > 0;
            }
        });
    }

    @Override
    public List<DestinationOverride> overrides() {
        return database.read("list the destination overrides", c -> {
            List<DestinationOverride> overrides = new ArrayList<>();
            try (var statement = c.createStatement(); ResultSet rs = statement.executeQuery(
                    "SELECT destination_id, json FROM destination_override ORDER BY destination_id")) {
                while (rs.next()) {
                    overrides.add(json.read(rs.getString(2), DestinationOverride.class, KIND, rs.getString(1)));
                }
            }
            return overrides;
        });
    }
}
