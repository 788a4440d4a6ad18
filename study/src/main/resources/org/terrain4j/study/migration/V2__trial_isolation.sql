-- Terrain's study store, version 2. Plain SQL that SQLite and PostgreSQL both run; existing
-- studies keep every trial (their trials count as not isolated, as they were run before).

-- 1 when the trial trained in a process of its own (a worker process): the death of the process
-- that recorded it (its driver) then says nothing about its configuration, and an abandonment
-- does not count against the configuration's retries. 0 when it trained inside that process.
ALTER TABLE trials ADD COLUMN isolated INTEGER NOT NULL DEFAULT 0;
