-- Terrain's study store, version 5. Plain SQL that SQLite and PostgreSQL both run; existing
-- studies keep every trial (and have no decisions recorded).

-- The learning-rate decisions Terrain's listener took while a trial trained (decays, rise trials,
-- rollbacks, a cooldown, a stop), in order, so that a study shows why one trial trained better.
CREATE TABLE trial_decisions (
    study        VARCHAR(200)     NOT NULL,
    number       INTEGER          NOT NULL,
    seq          INTEGER          NOT NULL,  -- order within the trial, from 0
    epoch        INTEGER          NOT NULL,  -- the network's epoch when it was taken
    iteration    BIGINT           NOT NULL,  -- the iteration of the first update it applied to
    kind         VARCHAR(32)      NOT NULL,  -- the listener's event type
    terrain      VARCHAR(32)      NOT NULL,  -- the terrain it saw
    rate_before  DOUBLE PRECISION,           -- the first controlled layer's rate before, if any
    rate_after   DOUBLE PRECISION,           -- and after
    reason       TEXT             NOT NULL,  -- what the listener saw and did, in words
    PRIMARY KEY (study, number, seq),
    FOREIGN KEY (study, number) REFERENCES trials (study, number)
);
