-- V1: the initial schema. Each table keeps the whole record as JSON (column "json") plus the columns
-- that queries filter or sort on. Instants in columns are epoch milliseconds (the JSON keeps them exact).
-- One statement ends at a line that ends with ';' (see Migrations).

CREATE TABLE call_record (
    call_id          TEXT    NOT NULL PRIMARY KEY,
    started_at_ms    INTEGER NOT NULL,
    outcome          TEXT    NOT NULL,
    answered_by      TEXT,
    language         TEXT,
    territory        TEXT,
    caller_pseudonym TEXT,
    json             TEXT    NOT NULL
);
-- The call log: newest first, keyset paging on (started_at_ms, call_id), one index per filter.
CREATE INDEX call_record_by_start ON call_record (started_at_ms DESC, call_id DESC);
CREATE INDEX call_record_by_outcome ON call_record (outcome, started_at_ms, call_id);
CREATE INDEX call_record_by_operator ON call_record (answered_by, started_at_ms, call_id)
    WHERE answered_by IS NOT NULL;
CREATE INDEX call_record_by_language ON call_record (language, started_at_ms, call_id)
    WHERE language IS NOT NULL;
CREATE INDEX call_record_by_territory ON call_record (territory, started_at_ms, call_id)
    WHERE territory IS NOT NULL;
CREATE INDEX call_record_by_caller ON call_record (caller_pseudonym, started_at_ms, call_id)
    WHERE caller_pseudonym IS NOT NULL;

CREATE TABLE roster_version (
    version     INTEGER NOT NULL PRIMARY KEY,
    saved_at_ms INTEGER NOT NULL,
    json        TEXT    NOT NULL
);

CREATE TABLE presence (
    operator_id TEXT NOT NULL PRIMARY KEY,
    json        TEXT NOT NULL
);

CREATE TABLE ticket (
    id            TEXT    NOT NULL PRIMARY KEY,
    created_at_ms INTEGER NOT NULL,
    status        TEXT    NOT NULL,
    call_id       TEXT,
    json          TEXT    NOT NULL
);
CREATE INDEX ticket_by_creation ON ticket (created_at_ms, id);
CREATE INDEX ticket_by_status ON ticket (status, created_at_ms, id);
CREATE INDEX ticket_by_call ON ticket (call_id) WHERE call_id IS NOT NULL;

CREATE TABLE ticket_destination (
    ticket_id      TEXT NOT NULL REFERENCES ticket (id),
    destination_id TEXT NOT NULL,
    PRIMARY KEY (ticket_id, destination_id)
) WITHOUT ROWID;
CREATE INDEX ticket_destination_by_destination ON ticket_destination (destination_id, ticket_id);

-- The outbox. A claim is a lease (claimed_by, claim_token, lease_until_ms), not a state: a claimed entry
-- stays PENDING. The lease is live while now < lease_until_ms.
CREATE TABLE outbox_entry (
    id                 TEXT    NOT NULL PRIMARY KEY,
    ticket_id          TEXT    NOT NULL REFERENCES ticket (id),
    destination_id     TEXT    NOT NULL,
    created_at_ms      INTEGER NOT NULL,
    state              TEXT    NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'DEAD')),
    next_attempt_at_ms INTEGER NOT NULL,
    attempts           INTEGER NOT NULL DEFAULT 0,
    last_error         TEXT,
    claimed_by         TEXT,
    claim_token        TEXT,
    lease_until_ms     INTEGER,
    json               TEXT    NOT NULL
);
CREATE INDEX outbox_entry_due ON outbox_entry (next_attempt_at_ms, id) WHERE state = 'PENDING';
CREATE INDEX outbox_entry_by_creation ON outbox_entry (created_at_ms, id);
CREATE INDEX outbox_entry_by_state ON outbox_entry (state, created_at_ms, id);
CREATE INDEX outbox_entry_by_destination ON outbox_entry (destination_id, created_at_ms, id);
CREATE INDEX outbox_entry_by_ticket ON outbox_entry (ticket_id, created_at_ms, id);

CREATE TABLE delivery_attempt (
    seq      INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    entry_id TEXT    NOT NULL REFERENCES outbox_entry (id),
    at_ms    INTEGER NOT NULL,
    json     TEXT    NOT NULL
);
CREATE INDEX delivery_attempt_by_entry ON delivery_attempt (entry_id, at_ms, seq);

CREATE TABLE user_account (
    username TEXT NOT NULL PRIMARY KEY,
    json     TEXT NOT NULL
);

CREATE TABLE audit_entry (
    seq       INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    at_ms     INTEGER NOT NULL,
    user_name TEXT    NOT NULL,
    json      TEXT    NOT NULL
);
CREATE INDEX audit_entry_by_time ON audit_entry (at_ms, seq);
CREATE INDEX audit_entry_by_user ON audit_entry (user_name, at_ms, seq);
