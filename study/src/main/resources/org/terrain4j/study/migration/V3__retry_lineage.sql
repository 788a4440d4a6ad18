-- Terrain's study store, version 3. Plain SQL that SQLite and PostgreSQL both run; existing
-- studies keep every trial.

-- The number of the abandoned trial this trial trains again, or NULL: retry lineage as data,
-- no longer found by matching points.
ALTER TABLE trials ADD COLUMN retry_of INTEGER;

-- Existing retrials: the latest earlier abandoned trial of the same study with the same point.
UPDATE trials SET retry_of = (
    SELECT MAX(a.number) FROM trials a
    WHERE a.study = trials.study AND a.number < trials.number AND a.point = trials.point
      AND a.state = 'FAILED' AND a.reason LIKE 'abandoned%')
WHERE EXISTS (
    SELECT 1 FROM trials a
    WHERE a.study = trials.study AND a.number < trials.number AND a.point = trials.point
      AND a.state = 'FAILED' AND a.reason LIKE 'abandoned%');
