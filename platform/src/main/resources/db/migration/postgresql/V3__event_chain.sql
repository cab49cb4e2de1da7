-- The hash chain over the stored events (tamper evidence): one link per event, in global order.
CREATE TABLE event_chain (
    global_index     BIGINT PRIMARY KEY,
    event_identifier VARCHAR(255) NOT NULL,
    hash             VARCHAR(64)  NOT NULL
);
