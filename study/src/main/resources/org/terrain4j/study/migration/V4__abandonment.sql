-- Terrain's study store, version 4. Plain SQL that SQLite and PostgreSQL both run; existing
-- studies keep every trial.

-- Whether a failed trial was abandoned (the process running it died) and, if so, whether it is to
-- be trained again: 0 not abandoned, 1 abandoned and retried, 2 abandoned and given up. As data,
-- no longer read back from the reason text.
ALTER TABLE trials ADD COLUMN abandoned INTEGER NOT NULL DEFAULT 0;

UPDATE trials SET abandoned = CASE WHEN reason LIKE '%trained again%' THEN 1 ELSE 2 END
WHERE state = 'FAILED' AND reason LIKE 'abandoned%';
