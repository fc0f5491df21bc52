-- Telemetry at city scale: one typed hypertable per device class, plus device status.
--
-- Chunk intervals are sized so that the chunks being written (with their indexes) stay well inside
-- memory at the city load the plans describe (50,000 beds at 10 samples per 10 s, 100,000 buttons
-- every 5 min, 2,000 cameras every 30 s), and so retention can drop whole chunks.

-- Bed vitals: ~50,000 samples/s at city scale = 180 M rows/h, ~15 GB/h with the index. One-hour
-- chunks keep the hot chunk a few GB; a "one bed over a day" query touches 24 chunks through the index.
CREATE TABLE bed_vitals (
    ts               timestamptz NOT NULL,
    device_id        text        NOT NULL,
    seq              bigint      NOT NULL,
    sample           smallint    NOT NULL, -- index of the sample within its message
    heart_rate       smallint,
    respiration_rate smallint,
    in_bed           boolean     NOT NULL,
    movement         smallint
);
SELECT create_hypertable('bed_vitals', 'ts', chunk_time_interval => interval '1 hour');
-- Idempotency key (a redelivered message adds nothing) and the "one device over a time range" index.
CREATE UNIQUE INDEX bed_vitals_identity_idx ON bed_vitals (device_id, ts, seq, sample);

-- Button heartbeats: ~330/s = 29 M rows/day, about 3 GB/day: one-day chunks.
CREATE TABLE button_heartbeat (
    ts         timestamptz NOT NULL,
    device_id  text        NOT NULL,
    seq        bigint      NOT NULL,
    battery    smallint    NOT NULL,
    signal_dbm smallint,
    latitude   double precision,
    longitude  double precision,
    accuracy_m double precision
);
SELECT create_hypertable('button_heartbeat', 'ts', chunk_time_interval => interval '1 day');
CREATE UNIQUE INDEX button_heartbeat_identity_idx ON button_heartbeat (device_id, ts, seq);

-- Camera stream health: ~67/s = 6 M rows/day: one-week chunks.
CREATE TABLE camera_health (
    ts                timestamptz NOT NULL,
    device_id         text        NOT NULL,
    seq               bigint      NOT NULL,
    fps               real        NOT NULL,
    bitrate_kbps      integer     NOT NULL,
    storage_days_left real,
    recording         boolean
);
SELECT create_hypertable('camera_health', 'ts', chunk_time_interval => interval '7 days');
CREATE UNIQUE INDEX camera_health_identity_idx ON camera_health (device_id, ts, seq);

-- Every status message (connect, Last Will, shutdown): rare, one-week chunks.
CREATE TABLE device_status (
    ts          timestamptz NOT NULL,
    device_id   text        NOT NULL,
    seq         bigint      NOT NULL,
    online      boolean     NOT NULL,
    reason      text,
    battery     smallint,
    signal_dbm  smallint,
    firmware    text,
    received_at timestamptz NOT NULL
);
SELECT create_hypertable('device_status', 'ts', chunk_time_interval => interval '7 days');
CREATE UNIQUE INDEX device_status_identity_idx ON device_status (device_id, ts, seq);

-- Event details that only some event types carry.
ALTER TABLE device_event ADD COLUMN duration_s double precision, ADD COLUMN detail text;

-- Last-seen moves to device_state, which ingest keeps in bulk (see DeviceStateTracker).
ALTER TABLE device DROP COLUMN last_seen_at;

-- The current state of each device, one row per device, kept by ingest and the heartbeat sweeper.
CREATE TABLE device_state (
    device_id      text PRIMARY KEY REFERENCES device (id) ON DELETE CASCADE,
    online         boolean     NOT NULL,
    offline_reason text, -- 'will', 'shutdown' or 'heartbeat_timeout' while offline
    changed_at     timestamptz NOT NULL,
    status_ts      timestamptz, -- device time of the status message that set online/offline, to ignore stale ones
    last_seen_at   timestamptz NOT NULL,
    battery        smallint,
    signal_dbm     smallint,
    firmware       text
);
CREATE INDEX device_state_offline_idx ON device_state (last_seen_at) WHERE online;

ALTER TABLE dead_letter DROP CONSTRAINT dead_letter_reason_check;
ALTER TABLE dead_letter ADD CONSTRAINT dead_letter_reason_check CHECK (reason IN ('BAD_TOPIC', 'UNKNOWN_DEVICE',
    'REVOKED_DEVICE', 'OVERSIZED', 'MALFORMED_JSON', 'SCHEMA_VIOLATION', 'WRONG_DEVICE_TYPE', 'PROCESSING_ERROR'));
