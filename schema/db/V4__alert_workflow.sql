-- The alert workflow: every rule's alerts, folding of repeats, acknowledgement deadlines (escalation),
-- outcomes, and the opening hours that camera rules need.

ALTER TABLE alert DROP CONSTRAINT alert_kind_check;
ALTER TABLE alert ADD CONSTRAINT alert_kind_check CHECK (kind IN ('SOS', 'FALL', 'NIGHT_BED_EXIT', 'HEART_RATE',
    'RESPIRATION', 'APNEA', 'NO_TURNING', 'DEVICE_OFFLINE', 'LOW_BATTERY', 'CAMERA_TAMPER', 'RESTRICTED_ZONE_MOTION'));

ALTER TABLE alert
    ADD COLUMN rule             text,
    ADD COLUMN occurrences      integer NOT NULL DEFAULT 1 CHECK (occurrences >= 1),
    ADD COLUMN last_seen_at     timestamptz,
    ADD COLUMN cleared_at       timestamptz, -- the condition went away by itself (kept visible until handled)
    ADD COLUMN ack_deadline     timestamptz, -- escalates when still OPEN at this time
    ADD COLUMN escalated_at     timestamptz,
    ADD COLUMN dispatched_at    timestamptz,
    ADD COLUMN outcome          text CHECK (outcome IN ('HANDLED_EMERGENCY', 'FALSE_ALARM', 'DEVICE_FAULT',
                                                        'CANCELLED_BY_USER', 'NO_ACTION_NEEDED')),
    ADD COLUMN version          integer NOT NULL DEFAULT 0;
UPDATE alert SET rule = CASE kind WHEN 'SOS' THEN 'SOS_PRESS' ELSE 'FALL_DETECTED' END,
                 last_seen_at = raised_at,
                 ack_deadline = raised_at + interval '60 seconds'
WHERE rule IS NULL;
ALTER TABLE alert ALTER COLUMN rule SET NOT NULL, ALTER COLUMN last_seen_at SET NOT NULL;

ALTER TABLE alert_transition ADD COLUMN kind text NOT NULL DEFAULT 'TRANSITION'
    CHECK (kind IN ('TRANSITION', 'NOTE', 'REPEAT', 'CLEARED', 'DISPATCH'));

-- Before one-open-alert-per-rule holds, older unresolved duplicates are closed (and say why).
WITH ranked AS (
    SELECT id, status, row_number() OVER (PARTITION BY device_id, rule ORDER BY raised_at DESC, id DESC) AS n
    FROM alert WHERE status <> 'RESOLVED'),
closed AS (
    UPDATE alert a SET status = 'RESOLVED', resolved_at = now(), outcome = 'NO_ACTION_NEEDED'
    FROM ranked r WHERE a.id = r.id AND r.n > 1
    RETURNING a.id, r.status AS was)
INSERT INTO alert_transition (alert_id, from_status, to_status, actor, note)
SELECT id, was, 'RESOLVED', 'system:migration-v4', 'superseded by a newer alert of the same device and rule'
FROM closed;
ALTER TABLE alert ADD CHECK ((status = 'RESOLVED') = (resolved_at IS NOT NULL AND outcome IS NOT NULL));

-- One unresolved alert per device and rule: repeats fold into it. The old per-event key made every
-- press a new alert; idempotency now comes from the events themselves (only new events reach the rules).
ALTER TABLE alert DROP CONSTRAINT alert_device_id_kind_source_event_ts_source_event_seq_key;
CREATE UNIQUE INDEX alert_one_open_per_rule ON alert (device_id, rule) WHERE status <> 'RESOLVED';
CREATE INDEX alert_escalation_idx ON alert (ack_deadline) WHERE status = 'OPEN';

-- Nursery and day-centre opening hours, in the institution's time zone.
ALTER TABLE institution
    ADD COLUMN opens_at  time NOT NULL DEFAULT '07:30',
    ADD COLUMN closes_at time NOT NULL DEFAULT '18:00';
