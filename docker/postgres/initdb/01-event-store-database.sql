-- The postgres profile keeps the events in a database of their own, apart from the command side's
-- deadline index and tokens that the axonserver profile keeps in "fanzha".
CREATE DATABASE fanzha_events;
