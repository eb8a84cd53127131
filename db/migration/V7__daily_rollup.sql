-- Daily sums of the hourly rollups, so settlement reads 7 rows per endpoint and week instead of 168.
-- Kept exact by statement-level triggers on check_rollup_hourly: every writer (the rollup upsert, retention
-- deletes, endpoint deletes cascading, tests and repairs writing hourly rows by hand) moves the daily sums with it,
-- without having to know this table exists. Settlement reads whole UTC days here and partial days from the hours.

-- No hourly row may be written between the backfill and the triggers (another replica's rollup job would be lost):
-- writers wait for this migration's commit; readers do not.
LOCK TABLE check_rollup_hourly IN SHARE ROW EXCLUSIVE MODE;

CREATE TABLE check_rollup_daily (
    endpoint_id    BIGINT NOT NULL REFERENCES endpoint (id) ON DELETE CASCADE,
    -- 00:00 UTC of the day: the hours [day_start, day_start + 24 h) are summed here
    day_start      TIMESTAMPTZ NOT NULL CHECK (day_start = date_trunc('day', day_start, 'UTC')),
    up_count       BIGINT NOT NULL CHECK (up_count >= 0),
    down_count     BIGINT NOT NULL CHECK (down_count >= 0),
    unknown_count  BIGINT NOT NULL CHECK (unknown_count >= 0),
    weak_up_count  BIGINT NOT NULL CHECK (weak_up_count >= 0 AND weak_up_count <= up_count),
    -- Hourly rows summed. A day whose last hour is deleted (retention) is deleted too, so the table stays bounded
    -- and a day row exists exactly when hours do; 0 only between a trigger's update and its delete.
    hour_count     INTEGER NOT NULL CHECK (hour_count BETWEEN 0 AND 24),
    PRIMARY KEY (endpoint_id, day_start)
);
CREATE INDEX check_rollup_daily_day_idx ON check_rollup_daily (day_start);

-- New hours only add: one upsert of the statement's rows summed per endpoint and day (a bulk load of millions of
-- hours is one pass). Sorted so that two writers touching the same days lock them in the same order; a day another
-- transaction created meanwhile is added to by the ON CONFLICT branch.
CREATE FUNCTION check_rollup_daily_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO check_rollup_daily AS d (endpoint_id, day_start, up_count, down_count, unknown_count, weak_up_count,
                                         hour_count)
    SELECT endpoint_id, date_trunc('day', hour_start, 'UTC'), sum(up_count), sum(down_count), sum(unknown_count),
           sum(weak_up_count), count(*)
    FROM new_hours GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (endpoint_id, day_start) DO UPDATE SET up_count = d.up_count + EXCLUDED.up_count,
        down_count = d.down_count + EXCLUDED.down_count, unknown_count = d.unknown_count + EXCLUDED.unknown_count,
        weak_up_count = d.weak_up_count + EXCLUDED.weak_up_count, hour_count = d.hour_count + EXCLUDED.hour_count;
    RETURN NULL;
END $$;

-- A rewritten hour (the rollup's ON CONFLICT DO UPDATE) moves its day by new minus old; days whose sums did not
-- change are left alone. The delta may be negative, so days that exist are updated, not upserted: an INSERT ... ON
-- CONFLICT's proposed row must pass the >= 0 checks before the conflict is seen. Only days that did not exist are
-- inserted, which happens when an update moves an hour to another endpoint or day (hour_count moves with it); a
-- day left without hours is deleted. Set-based over the transition tables, so a statement of any size works.
CREATE FUNCTION check_rollup_daily_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH delta AS (
        SELECT endpoint_id, date_trunc('day', hour_start, 'UTC') AS day_start, sum(up) AS up, sum(down) AS down,
               sum(unknown) AS unknown, sum(weak) AS weak, sum(n) AS hours
        FROM (SELECT endpoint_id, hour_start, up_count AS up, down_count AS down, unknown_count AS unknown,
                     weak_up_count AS weak, 1 AS n FROM new_hours
              UNION ALL
              SELECT endpoint_id, hour_start, -up_count, -down_count, -unknown_count, -weak_up_count, -1 FROM old_hours) c
        GROUP BY 1, 2
        HAVING sum(up) <> 0 OR sum(down) <> 0 OR sum(unknown) <> 0 OR sum(weak) <> 0 OR sum(n) <> 0
    ), updated AS (
        UPDATE check_rollup_daily d SET up_count = d.up_count + x.up, down_count = d.down_count + x.down,
            unknown_count = d.unknown_count + x.unknown, weak_up_count = d.weak_up_count + x.weak,
            hour_count = d.hour_count + x.hours
        FROM delta x WHERE d.endpoint_id = x.endpoint_id AND d.day_start = x.day_start
        RETURNING d.endpoint_id, d.day_start
    )
    INSERT INTO check_rollup_daily AS d (endpoint_id, day_start, up_count, down_count, unknown_count, weak_up_count,
                                         hour_count)
    SELECT endpoint_id, day_start, up, down, unknown, weak, hours FROM delta x
    WHERE NOT EXISTS (SELECT 1 FROM updated u WHERE u.endpoint_id = x.endpoint_id AND u.day_start = x.day_start)
    ORDER BY 1, 2
    ON CONFLICT (endpoint_id, day_start) DO UPDATE SET up_count = d.up_count + EXCLUDED.up_count,
        down_count = d.down_count + EXCLUDED.down_count, unknown_count = d.unknown_count + EXCLUDED.unknown_count,
        weak_up_count = d.weak_up_count + EXCLUDED.weak_up_count, hour_count = d.hour_count + EXCLUDED.hour_count;
    DELETE FROM check_rollup_daily d USING (SELECT DISTINCT endpoint_id, date_trunc('day', hour_start, 'UTC') AS day_start
                                            FROM old_hours) o
    WHERE d.endpoint_id = o.endpoint_id AND d.day_start = o.day_start AND d.hour_count = 0;
    RETURN NULL;
END $$;

-- Deleted hours (retention, repairs, an endpoint's cascade) subtract from their day; a day left without hours is
-- deleted. Never inserts: when an endpoint is deleted its days go by their own cascade, and a row recreated for it
-- would violate the foreign key.
CREATE FUNCTION check_rollup_daily_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE check_rollup_daily d SET up_count = d.up_count - o.up, down_count = d.down_count - o.down,
        unknown_count = d.unknown_count - o.unknown, weak_up_count = d.weak_up_count - o.weak,
        hour_count = d.hour_count - o.hours
    FROM (SELECT endpoint_id, date_trunc('day', hour_start, 'UTC') AS day_start, sum(up_count) AS up,
                 sum(down_count) AS down, sum(unknown_count) AS unknown, sum(weak_up_count) AS weak, count(*) AS hours
          FROM old_hours GROUP BY 1, 2) o
    WHERE d.endpoint_id = o.endpoint_id AND d.day_start = o.day_start;
    DELETE FROM check_rollup_daily d USING (SELECT DISTINCT endpoint_id, date_trunc('day', hour_start, 'UTC') AS day_start
                                            FROM old_hours) o
    WHERE d.endpoint_id = o.endpoint_id AND d.day_start = o.day_start AND d.hour_count = 0;
    RETURN NULL;
END $$;

-- One trigger per event: PostgreSQL allows transition tables only on single-event triggers. An INSERT ... ON
-- CONFLICT DO UPDATE fires both the insert and the update trigger, each with its own rows.
CREATE TRIGGER check_rollup_daily_insert AFTER INSERT ON check_rollup_hourly
    REFERENCING NEW TABLE AS new_hours FOR EACH STATEMENT EXECUTE FUNCTION check_rollup_daily_insert();
CREATE TRIGGER check_rollup_daily_update AFTER UPDATE ON check_rollup_hourly
    REFERENCING OLD TABLE AS old_hours NEW TABLE AS new_hours FOR EACH STATEMENT EXECUTE FUNCTION check_rollup_daily_update();
CREATE TRIGGER check_rollup_daily_delete AFTER DELETE ON check_rollup_hourly
    REFERENCING OLD TABLE AS old_hours FOR EACH STATEMENT EXECUTE FUNCTION check_rollup_daily_delete();

-- The hours written before this migration.
INSERT INTO check_rollup_daily (endpoint_id, day_start, up_count, down_count, unknown_count, weak_up_count, hour_count)
SELECT endpoint_id, date_trunc('day', hour_start, 'UTC'), sum(up_count), sum(down_count), sum(unknown_count),
       sum(weak_up_count), count(*)
FROM check_rollup_hourly GROUP BY 1, 2;
