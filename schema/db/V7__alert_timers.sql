-- Durable alert timers: a condition that becomes an alert only if nothing happens before a deadline
-- (a night bed exit without a return). The deadline lives in the row, so a timer fires exactly once
-- across restarts and instances: the firing transaction claims it with FOR UPDATE SKIP LOCKED.
CREATE TABLE alert_timer (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         text        NOT NULL CHECK (kind IN ('NIGHT_BED_EXIT')),
    device_id    text        NOT NULL REFERENCES device (id) ON DELETE CASCADE,
    due_at       timestamptz NOT NULL,
    source_ts    timestamptz NOT NULL,
    source_seq   bigint      NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    fired_at     timestamptz,
    cancelled_at timestamptz,
    UNIQUE (kind, device_id, source_ts, source_seq)
);
CREATE INDEX alert_timer_due_idx ON alert_timer (due_at) WHERE fired_at IS NULL AND cancelled_at IS NULL;

ALTER TABLE alert DROP CONSTRAINT alert_kind_check;
ALTER TABLE alert ADD CONSTRAINT alert_kind_check CHECK (kind IN ('SOS', 'FALL', 'NIGHT_BED_EXIT', 'HEART_RATE',
    'RESPIRATION', 'APNEA', 'NO_TURNING', 'DEVICE_OFFLINE', 'LOW_BATTERY', 'CAMERA_TAMPER', 'RESTRICTED_ZONE_MOTION'));
