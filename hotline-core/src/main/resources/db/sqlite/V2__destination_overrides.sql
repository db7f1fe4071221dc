-- A coordinator's change to a destination (address, enabled), one per destination; the record (with the
-- configured values it replaced, who and when) is the JSON of DestinationOverride. Secrets are never stored.
CREATE TABLE destination_override (
    destination_id TEXT    NOT NULL PRIMARY KEY,
    changed_at_ms  INTEGER NOT NULL,
    json           TEXT    NOT NULL
);
