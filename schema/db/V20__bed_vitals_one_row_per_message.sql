-- Bed vitals: one row per message (per minute of a message) instead of one row per sample.
--
-- At city scale (5,000 bed messages a second, ten samples each) the per-sample rows were most of everything the
-- database wrote: 50,000 heap tuples and 50,000 identity-index entries a second, the index alone over 60% of the WAL
-- bytes. Each commit's WAL flush waited behind the disk's flushes of that volume, SOS commits too (bench/README.md,
-- "What holds an SOS commit"). A row per message holds its samples in arrays: a tenth of the index entries and about
-- a third of the heap bytes.
--
-- ts is the time of the row's first sample, offset_ms each sample's milliseconds after it (ascending, the first 0).
-- A message whose samples span a minute or more (the wire allows 10 minutes) is split into rows of whole minutes
-- counted from its first sample, so a row never spans a minute: a read of samples in [from, to) reads the rows with
-- ts in [from - 1 minute, to) and is exact. The check below holds every row to that.
ALTER TABLE bed_vitals RENAME TO bed_vitals_by_sample;
ALTER INDEX bed_vitals_identity_idx RENAME TO bed_vitals_by_sample_identity_idx;

CREATE TABLE bed_vitals (
    ts               timestamptz NOT NULL,
    device_id        text        NOT NULL,
    seq              bigint      NOT NULL,
    offset_ms        integer[]   NOT NULL,
    heart_rate       smallint[]  NOT NULL, -- null elements: not measurable
    respiration_rate smallint[]  NOT NULL,
    in_bed           boolean[]   NOT NULL,
    movement         smallint[]  NOT NULL,
    CONSTRAINT bed_vitals_samples_within_a_minute CHECK (
        offset_ms[1] = 0 AND offset_ms[cardinality(offset_ms)] < 60000
        AND cardinality(heart_rate) = cardinality(offset_ms) AND cardinality(respiration_rate) = cardinality(offset_ms)
        AND cardinality(in_bed) = cardinality(offset_ms) AND cardinality(movement) = cardinality(offset_ms))
);
-- No index on ts alone (see V16): every read names its beds.
SELECT create_hypertable('bed_vitals', 'ts', chunk_time_interval => interval '1 hour', create_default_indexes => false);
-- Idempotency key (a redelivered message adds nothing) and the "one bed over a time range" index.
CREATE UNIQUE INDEX bed_vitals_identity_idx ON bed_vitals (device_id, ts, seq);
ALTER TABLE bed_vitals SET (autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 100000);

-- The stored samples move over, split the way the service splits a message: by whole minutes after the message's
-- first sample, in time order (then sample order). A message redelivered after this migration thus finds its rows.
WITH timed AS (
    SELECT device_id, seq, ts, sample, heart_rate, respiration_rate, in_bed, movement,
           floor(extract(EPOCH FROM ts - min(ts) OVER (PARTITION BY device_id, seq)) / 60) AS minute
    FROM bed_vitals_by_sample),
parted AS (
    SELECT *, min(ts) OVER (PARTITION BY device_id, seq, minute) AS row_ts FROM timed)
INSERT INTO bed_vitals (ts, device_id, seq, offset_ms, heart_rate, respiration_rate, in_bed, movement)
SELECT row_ts, device_id, seq,
       array_agg(round(extract(EPOCH FROM ts - row_ts) * 1000)::integer ORDER BY ts, sample),
       array_agg(heart_rate ORDER BY ts, sample), array_agg(respiration_rate ORDER BY ts, sample),
       array_agg(in_bed ORDER BY ts, sample), array_agg(movement ORDER BY ts, sample)
FROM parted GROUP BY device_id, seq, minute, row_ts;

DROP TABLE bed_vitals_by_sample;

-- The samples one by one, for reading. row_ts is the stored row's ts: a query of a time range bounds it too
-- (row_ts >= from - 1 minute AND row_ts < to) so that only the rows in range are read, through the identity index.
-- sample_no is the sample's place in its row, from 1 (time order).
CREATE VIEW bed_vitals_samples AS
SELECT v.ts + s.offset_ms * interval '1 millisecond' AS ts, v.device_id, v.seq, v.ts AS row_ts, s.sample_no,
       s.heart_rate, s.respiration_rate, s.in_bed, s.movement
FROM bed_vitals v
     CROSS JOIN LATERAL unnest(v.offset_ms, v.heart_rate, v.respiration_rate, v.in_bed, v.movement) WITH ORDINALITY
         AS s(offset_ms, heart_rate, respiration_rate, in_bed, movement, sample_no);
