-- Alert thresholds set per tenant, per institution or per elder. Each row overrides only the settings it
-- holds (NULL = inherit); the most specific scope wins setting by setting: elder, then the elder's or the
-- device's institution, then the tenant, then the built-in defaults. Column names are the lower-case names
-- of org.smartcare.alert.ThresholdSetting; ranges are checked by the service (and coarsely here).
CREATE TABLE alert_threshold (
    id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id                text   NOT NULL REFERENCES tenant (id),
    institution_id           bigint REFERENCES institution (id) ON DELETE CASCADE,
    elder_id                 bigint REFERENCES elder (id) ON DELETE CASCADE,
    heart_rate_high_below    integer CHECK (heart_rate_high_below >= 0),
    heart_rate_medium_below  integer CHECK (heart_rate_medium_below >= 0),
    heart_rate_medium_above  integer CHECK (heart_rate_medium_above >= 0),
    heart_rate_high_above    integer CHECK (heart_rate_high_above >= 0),
    respiration_high_below   integer CHECK (respiration_high_below >= 0),
    respiration_medium_below integer CHECK (respiration_medium_below >= 0),
    respiration_medium_above integer CHECK (respiration_medium_above >= 0),
    respiration_high_above   integer CHECK (respiration_high_above >= 0),
    high_sustain_seconds     integer CHECK (high_sustain_seconds > 0),
    medium_sustain_seconds   integer CHECK (medium_sustain_seconds > 0),
    apnea_seconds            integer CHECK (apnea_seconds > 0),
    no_turning_minutes       integer CHECK (no_turning_minutes > 0),
    low_battery_percent      integer CHECK (low_battery_percent BETWEEN 0 AND 100),
    ack_critical_seconds     integer CHECK (ack_critical_seconds > 0),
    ack_high_seconds         integer CHECK (ack_high_seconds > 0),
    ack_medium_seconds       integer CHECK (ack_medium_seconds > 0),
    ack_low_seconds          integer CHECK (ack_low_seconds > 0),
    updated_at               timestamptz NOT NULL DEFAULT now(),
    updated_by               text   NOT NULL,
    CHECK (institution_id IS NULL OR elder_id IS NULL),
    UNIQUE NULLS NOT DISTINCT (tenant_id, institution_id, elder_id)
);

-- No turning for too long while in bed (pressure-ulcer risk): one pending timer per bed at a time, restarted
-- by every turn, cancelled by a bed exit.
ALTER TABLE alert_timer DROP CONSTRAINT alert_timer_kind_check;
ALTER TABLE alert_timer ADD CONSTRAINT alert_timer_kind_check CHECK (kind IN ('NIGHT_BED_EXIT', 'NO_TURNING'));
CREATE UNIQUE INDEX alert_timer_one_no_turning_idx ON alert_timer (device_id)
    WHERE kind = 'NO_TURNING' AND fired_at IS NULL AND cancelled_at IS NULL;
