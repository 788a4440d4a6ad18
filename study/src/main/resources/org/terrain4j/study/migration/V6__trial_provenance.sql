-- Terrain's study store, version 6. Plain SQL that SQLite and PostgreSQL both run; existing
-- trials get an empty provenance (not recorded then).

-- What ran a trial: Terrain's, DL4J's and Java's versions and the operating system of the process
-- that claimed it, as JSON text, so that a study that spans upgrades or machines says so.
ALTER TABLE trials ADD COLUMN provenance TEXT NOT NULL DEFAULT '';
