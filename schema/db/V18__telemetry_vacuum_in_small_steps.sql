-- Autovacuum's default for an insert-only table waits until 20% of the table's current size was added since its
-- last vacuum. A chunk that is written all the time thus gets vacuums that grow with it: in the city load (50,000
-- bed samples a second into a one-hour chunk) from 1 s at the start to 17 s ten minutes in, each scanning the
-- newest fifth of the chunk and writing its pages a second time; late in the hour one would scan ~36 million rows.
-- While the 17 s one ran, the commit lag's p99 rose from 0.35 to 0.9 s (bench/README.md, 2026-12-06).
-- A fixed threshold and no scale factor vacuum what was added since the last round, at most once per autovacuum
-- naptime (60 s): at the city's rate a vacuum of ~3 million rows every minute, the same size all hour long. The
-- pages still become all-visible (index-only scans) and get frozen the same way, only in even steps.
-- TimescaleDB copies these options to every chunk, existing and new.
ALTER TABLE bed_vitals SET (autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 100000);
ALTER TABLE button_heartbeat SET (autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 100000);
ALTER TABLE camera_health SET (autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 100000);
ALTER TABLE device_status SET (autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 100000);
ALTER TABLE caregiver_location SET (autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 100000);
