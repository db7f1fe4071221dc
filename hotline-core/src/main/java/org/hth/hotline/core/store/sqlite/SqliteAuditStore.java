package org.hth.hotline.core.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.hth.hotline.core.audit.AuditEntry;
import org.hth.hotline.core.audit.AuditQuery;
import org.hth.hotline.core.store.AuditStore;

/**
 * The audit log in {@code audit_entry}, append-only; entries at the same instant keep the order they
 * were appended in. Thread-safe.
 */
final class SqliteAuditStore implements AuditStore {
    private static final String KIND = "audit entry";

    private final SqliteDatabase database;
    private final JsonColumn json;

    SqliteAuditStore(SqliteDatabase database, JsonColumn json) {
        this.database = database;
        this.json = json;
    }

    @Override
    public void append(AuditEntry entry) {
        String document = json.write(entry, KIND, entry.subjectId());
        database.write("append an audit entry", c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO audit_entry (at_ms, user_name, json) VALUES (?, ?, ?)")) {
                insert.setLong(1, entry.at().toEpochMilli());
                insert.setString(2, entry.user());
                insert.setString(3, document);
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public List<AuditEntry> query(AuditQuery query) {
        return database.read("query the audit log", c -> {
            Conditions where = new Conditions();
            query.from().ifPresent(from -> where.add("at_ms >= ?", from.toEpochMilli()));
            query.to().ifPresent(to -> where.add("at_ms < ?", to.toEpochMilli()));
            query.user().ifPresent(user -> where.add("user_name = ?", user));
            try (PreparedStatement select = c.prepareStatement("SELECT seq, json FROM audit_entry" + where.sql()
                    + " ORDER BY at_ms DESC, seq DESC LIMIT ?")) {
                select.setInt(where.bind(select), query.limit());
                List<AuditEntry> entries = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        entries.add(json.read(rs.getString(2), AuditEntry.class, KIND, rs.getString(1)));
                    }
                }
                return entries;
            }
        });
    }
}
