-- create_hypertable gave bed_vitals an index on ts alone. Every query of the table names its devices (one bed
-- over a time range, a batch's beds for the vitals rules) and goes through bed_vitals_identity_idx, which leads
-- with device_id and then ts; chunks are found by their time constraints, not by an index. The ts index served
-- nothing, yet every one of the ~50,000 samples a second at city scale was written into it (and into the WAL).
DROP INDEX IF EXISTS bed_vitals_ts_idx;
