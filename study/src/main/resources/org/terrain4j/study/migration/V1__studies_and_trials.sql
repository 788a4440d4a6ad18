-- Terrain's study store, version 1. Plain SQL that SQLite and PostgreSQL both run.
-- Times are epoch milliseconds; points and parameters are JSON text.

CREATE TABLE studies (
    name        VARCHAR(200) PRIMARY KEY,
    space       TEXT         NOT NULL,  -- the parameter space, as the generator reads it
    direction   VARCHAR(8)   NOT NULL,  -- MINIMIZE or MAXIMIZE
    generator   TEXT         NOT NULL,  -- generator kind and settings
    seed        BIGINT       NOT NULL,
    next_trial  INTEGER      NOT NULL,  -- the number the next trial gets (claimed atomically)
    created_at  BIGINT       NOT NULL
);

CREATE TABLE trials (
    study         VARCHAR(200)     NOT NULL REFERENCES studies (name),
    number        INTEGER          NOT NULL,
    state         VARCHAR(8)       NOT NULL,  -- RUNNING, COMPLETE, PRUNED or FAILED
    point         TEXT             NOT NULL,  -- the generator's coordinates of the candidate
    parameters    TEXT             NOT NULL,  -- what the candidate is, for people
    score         DOUBLE PRECISION,           -- final score (the last intermediate one when pruned)
    reason        TEXT,                       -- why it failed or was pruned
    worker        VARCHAR(200)     NOT NULL,  -- host:pid of the process that ran it
    started_at    BIGINT           NOT NULL,
    heartbeat_at  BIGINT           NOT NULL,
    finished_at   BIGINT,
    PRIMARY KEY (study, number)
);

CREATE TABLE trial_values (
    study   VARCHAR(200)     NOT NULL,
    number  INTEGER          NOT NULL,
    step    INTEGER          NOT NULL,  -- the epoch
    value   DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (study, number, step),
    FOREIGN KEY (study, number) REFERENCES trials (study, number)
);

CREATE INDEX trials_by_state ON trials (study, state);
