-- V3: the call rollup, so that a year's statistics read a few thousand counters instead of a year of records.
-- Per UTC day (epoch day number), counters named <kind>:<value> as CallRollupFields names them: hour:<0-23>,
-- outcome:<OUTCOME>, language:<code>, territory:<T>, answer:<wait s>, abandon:<wait s>, operator:<id> and
-- talk:<id> (talk seconds); a missing value is ''. SqliteCallStore keeps them up to date in each save's
-- transaction; this script builds them from the rows already there.

CREATE TABLE call_rollup (
    day   INTEGER NOT NULL,
    field TEXT    NOT NULL,
    n     INTEGER NOT NULL,
    PRIMARY KEY (day, field)
) WITHOUT ROWID;

INSERT INTO call_rollup (day, field, n)
SELECT day, field, SUM(n) FROM (
    SELECT started_at_ms / 86400000 AS day, 'hour:' || ((started_at_ms / 3600000) % 24) AS field, 1 AS n
        FROM call_record
    UNION ALL
    SELECT started_at_ms / 86400000, 'outcome:' || outcome, 1 FROM call_record
    UNION ALL
    SELECT started_at_ms / 86400000, 'language:' || COALESCE(language, ''), 1 FROM call_record
    UNION ALL
    SELECT started_at_ms / 86400000, 'territory:' || COALESCE(territory, ''), 1 FROM call_record
    UNION ALL
    SELECT started_at_ms / 86400000, 'answer:' || json_extract(json, '$.waitSeconds'), 1 FROM call_record
        WHERE outcome = 'ANSWERED'
    UNION ALL
    SELECT started_at_ms / 86400000, 'operator:' || COALESCE(answered_by, ''), 1 FROM call_record
        WHERE outcome = 'ANSWERED'
    UNION ALL
    SELECT started_at_ms / 86400000, 'talk:' || COALESCE(answered_by, ''), json_extract(json, '$.talkSeconds')
        FROM call_record WHERE outcome = 'ANSWERED'
    UNION ALL
    SELECT started_at_ms / 86400000, 'abandon:' || json_extract(json, '$.waitSeconds'), 1 FROM call_record
        WHERE outcome = 'ABANDONED'
) GROUP BY day, field;
