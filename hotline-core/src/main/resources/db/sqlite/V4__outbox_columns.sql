-- V4: an outbox entry's fields in columns of their own, its JSON dropped, so that claiming and settling an
-- entry reads and writes columns instead of parsing and writing a document: the event type, the frozen
-- payload (the webhook's data object, as written) and the nanoseconds within the millisecond of the two
-- instants (created_at_ms and next_attempt_at_ms keep the whole milliseconds; together they are exact).
-- The state, attempt count and last error were already columns, kept in step with the JSON.

ALTER TABLE outbox_entry ADD COLUMN event_type TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox_entry ADD COLUMN payload TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox_entry ADD COLUMN created_at_ns INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox_entry ADD COLUMN next_attempt_at_ns INTEGER NOT NULL DEFAULT 0;
-- An instant in the JSON is ISO-8601 in UTC ("…T21:30:00Z", "…T21:30:00.123456Z"): the digits after the
-- milliseconds' three, padded to six, are the nanoseconds within the millisecond.
UPDATE outbox_entry SET
    event_type = json_extract(json, '$.eventType'),
    payload = json_extract(json, '$.payload'),
    created_at_ns = CASE WHEN instr(json_extract(json, '$.createdAt'), '.') = 0 THEN 0
        ELSE CAST(substr(substr(rtrim(substr(json_extract(json, '$.createdAt'),
            instr(json_extract(json, '$.createdAt'), '.') + 1), 'Z') || '000000000', 1, 9), 4) AS INTEGER) END,
    next_attempt_at_ns = CASE WHEN instr(json_extract(json, '$.nextAttemptAt'), '.') = 0 THEN 0
        ELSE CAST(substr(substr(rtrim(substr(json_extract(json, '$.nextAttemptAt'),
            instr(json_extract(json, '$.nextAttemptAt'), '.') + 1), 'Z') || '000000000', 1, 9), 4) AS INTEGER) END;
ALTER TABLE outbox_entry DROP COLUMN json;
