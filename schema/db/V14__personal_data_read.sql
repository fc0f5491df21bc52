-- Audit of personal-data reads (PIPL: who read whose personal information, when, and what of it).
-- One row per GraphQL request (or subscription event) per person read, listing the schema fields that
-- were shown in clear or masked. Rows are only ever appended: a repeated request is a new read.
CREATE TABLE personal_data_read (
    read_at           timestamptz NOT NULL,
    id                bigint GENERATED ALWAYS AS IDENTITY,
    subject           text        NOT NULL,  -- the reader's token subject
    role              text        NOT NULL,
    tenant_id         text,                  -- null for ADMIN
    data_subject_kind text        NOT NULL CHECK (data_subject_kind IN ('ELDER', 'CHILD', 'CAREGIVER')),
    data_subject_id   bigint      NOT NULL,
    fields            text[]      NOT NULL CHECK (cardinality(fields) > 0),
    masked_fields     text[]      NOT NULL,
    operation         text
);
-- Chunks of one day. Sizing: an operator's alert board shows up to 50 elders and refreshes every few
-- seconds, so a city call centre with a few dozen consoles writes on the order of 10^6-10^7 rows a day
-- (~200 bytes each with its indexes): a day-sized chunk stays within a few GB, so the chunk being
-- written and its indexes fit in memory, while a quiet tenant still gets few chunks. Retention (the
-- audit must be kept for a fixed period, then dropped) then drops whole days.
SELECT create_hypertable('personal_data_read', 'read_at', chunk_time_interval => interval '1 day');
-- "One reader's reads over time" and "one person's reads over time"; both listed newest first.
CREATE INDEX personal_data_read_subject_idx ON personal_data_read (subject, read_at DESC);
CREATE INDEX personal_data_read_person_idx
    ON personal_data_read (data_subject_kind, data_subject_id, read_at DESC);
