-- device_state is updated for every device that reported in the last couple of seconds (last seen, battery): at
-- city scale about 5,000 rows a second. The index on last_seen_at made every one of those updates write new
-- entries into both of the table's indexes (in a city run 6 of 1.34 million updates were HOT), which cost the
-- database more than any other statement and bloated the table. The heartbeat sweep it served reads the table
-- every 15 s; a sequential scan does that for a city's 150,000 devices in tens of milliseconds. Without the index,
-- and with room kept free on each page, an update puts the new row version on the same page and touches no index.
DROP INDEX device_state_offline_idx;
ALTER TABLE device_state SET (fillfactor = 70);
