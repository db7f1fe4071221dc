-- V5: the due index orders pending entries by when they may next be claimed: their next attempt, or the end
-- of their lease while one holds them. Before, an entry under lease stayed at its next attempt's place, so
-- every claim walked past all the entries in flight (hundreds during a burst, or while a destination hangs)
-- before it found one free. The claim's query uses the same expression, so SQLite walks this index.
DROP INDEX outbox_entry_due;
CREATE INDEX outbox_entry_due ON outbox_entry (max(next_attempt_at_ms, coalesce(lease_until_ms, 0)), id)
    WHERE state = 'PENDING';
