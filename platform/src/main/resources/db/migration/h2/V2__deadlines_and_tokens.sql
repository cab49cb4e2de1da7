-- Tracking tokens of the command side's own processors (the deadline index).
CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BLOB,
    token_type     VARCHAR(255),
    time_stamp     VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

-- When each time-based fact falls due; derived from the events, rebuilt by replaying them.
CREATE TABLE deadline (
    deadline_id VARCHAR(400) PRIMARY KEY,
    due_at      BIGINT       NOT NULL,
    kind        VARCHAR(40)  NOT NULL,
    target_id   VARCHAR(200) NOT NULL,
    unit_id     VARCHAR(100),
    period      VARCHAR(20),
    due_date    DATE,
    fired       BOOLEAN      DEFAULT FALSE NOT NULL
);
CREATE INDEX deadline_due ON deadline (fired, due_at);

-- The simulation clock (profile sim) survives a restart.
CREATE TABLE simulation_clock (
    id       INTEGER PRIMARY KEY,
    now_epoch_milli BIGINT NOT NULL
);
