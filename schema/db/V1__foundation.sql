-- Foundation: the care registry, devices, alerts, dead letters and the device-event hypertable.
-- The extension is normally created by deploy/services (as superuser); the service's start-up
-- check explains how to fix a database where it is missing.
CREATE EXTENSION IF NOT EXISTS timescaledb;

-- A tenant is one city's platform (its call centre, its registry).
CREATE TABLE tenant (
    id   text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name text NOT NULL
);

-- GB/T 2260 administrative divisions: 6-digit codes (province xx0000, city xxxx00, county).
CREATE TABLE region (
    code        char(6) PRIMARY KEY CHECK (code ~ '^[1-9][0-9]{5}$'),
    name        text    NOT NULL,
    parent_code char(6) REFERENCES region (code),
    CHECK (parent_code IS NULL OR parent_code <> code)
);
CREATE INDEX region_parent_idx ON region (parent_code);

CREATE TABLE institution (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id         text    NOT NULL REFERENCES tenant (id),
    code              text    NOT NULL, -- the tenant's own registry code, the natural key for imports
    name              text    NOT NULL,
    type              text    NOT NULL CHECK (type IN (
                          'ELDER_CARE_HOME', 'STREET_CARE_CENTER', 'COMMUNITY_DAY_CARE', 'RURAL_HAPPINESS_HOME',
                          'MEAL_POINT', 'MEDICAL_CARE_COMBINED',
                          'NURSERY', 'KINDERGARTEN_NURSERY_CLASS', 'FAMILY_NURSERY')),
    ownership         text    NOT NULL CHECK (ownership IN ('PUBLIC', 'PUBLIC_BUILT_PRIVATE_RUN', 'PRIVATE')),
    inclusive         boolean NOT NULL DEFAULT false,
    region_code       char(6) NOT NULL REFERENCES region (code),
    street            text,
    community         text,
    address           text,
    phone             text,
    beds              integer NOT NULL DEFAULT 0 CHECK (beds >= 0),
    nursing_beds      integer NOT NULL DEFAULT 0 CHECK (nursing_beds >= 0 AND nursing_beds <= beds),
    occupied_beds     integer NOT NULL DEFAULT 0 CHECK (occupied_beds >= 0 AND occupied_beds <= beds),
    childcare_places  integer NOT NULL DEFAULT 0 CHECK (childcare_places >= 0),
    enrolled_children integer NOT NULL DEFAULT 0 CHECK (enrolled_children >= 0),
    filed             boolean NOT NULL DEFAULT false,
    time_zone         text    NOT NULL DEFAULT 'Asia/Shanghai',
    UNIQUE (tenant_id, code)
);
CREATE INDEX institution_region_idx ON institution (region_code);

CREATE TABLE elder (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id            text    NOT NULL REFERENCES tenant (id),
    name                 text    NOT NULL,
    national_id          text    NOT NULL CHECK (national_id ~ '^[0-9]{17}[0-9X]$'),
    birth_date           date    NOT NULL,
    gender               text    NOT NULL CHECK (gender IN ('MALE', 'FEMALE')),
    phone                text,
    region_code          char(6) NOT NULL REFERENCES region (code),
    street               text,
    community            text,
    address              text,
    latitude             double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude            double precision CHECK (longitude BETWEEN -180 AND 180),
    living_arrangement   text    NOT NULL CHECK (living_arrangement IN ('ALONE', 'EMPTY_NEST', 'WITH_FAMILY', 'IN_INSTITUTION')),
    -- GB/T 42195-2022 levels: 能力完好, 轻度失能, 中度失能, 重度失能, 完全失能
    ability_level        text CHECK (ability_level IN ('INTACT', 'MILD_LOSS', 'MODERATE_LOSS', 'SEVERE_LOSS', 'COMPLETE_LOSS')),
    ability_assessed_on  date,
    institution_id       bigint REFERENCES institution (id), -- residence, or the home-care-bed provider
    home_care_bed        boolean NOT NULL DEFAULT false,
    time_zone            text    NOT NULL DEFAULT 'Asia/Shanghai',
    UNIQUE (tenant_id, national_id),
    CHECK ((ability_level IS NULL) = (ability_assessed_on IS NULL))
);
CREATE INDEX elder_institution_idx ON elder (institution_id);
CREATE INDEX elder_region_idx ON elder (region_code);

CREATE TABLE elder_hardship (
    elder_id bigint NOT NULL REFERENCES elder (id) ON DELETE CASCADE,
    category text   NOT NULL CHECK (category IN ('EXTREME_POVERTY', 'MINIMUM_LIVING_ALLOWANCE', 'LOW_INCOME',
                        'DISABLED_OR_DEMENTIA', 'AGED_80_PLUS', 'SPECIAL_FAMILY_PLANNING', 'SEVERE_DISABILITY')),
    PRIMARY KEY (elder_id, category)
);

CREATE TABLE emergency_contact (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    elder_id bigint  NOT NULL REFERENCES elder (id) ON DELETE CASCADE,
    priority integer NOT NULL CHECK (priority >= 1),
    name     text    NOT NULL,
    relation text    NOT NULL,
    phone    text    NOT NULL,
    UNIQUE (elder_id, priority)
);

-- A device's id is its MQTT topic segment and its broker username.
CREATE TABLE device (
    id              text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{2,62}$'),
    tenant_id       text NOT NULL REFERENCES tenant (id),
    type            text NOT NULL CHECK (type IN ('BED_SENSOR', 'SOS_BUTTON', 'NURSERY_CAMERA')),
    serial          text NOT NULL UNIQUE,
    credentials_ref text, -- broker account holding the device's secret; the secret itself is never stored here
    elder_id        bigint REFERENCES elder (id),
    institution_id  bigint REFERENCES institution (id),
    bed_label       text,
    registered_at   timestamptz NOT NULL DEFAULT now(),
    revoked_at      timestamptz,
    last_seen_at    timestamptz
);
CREATE INDEX device_elder_idx ON device (elder_id);
CREATE INDEX device_institution_idx ON device (institution_id);

-- Every event message, as the device sent it. Chunks of 7 days: events are sparse (a button sends a
-- handful a day), so a week keeps chunks few and still lets retention drop whole weeks.
CREATE TABLE device_event (
    device_ts   timestamptz NOT NULL,
    device_id   text        NOT NULL,
    seq         bigint      NOT NULL,
    type        text        NOT NULL,
    latitude    double precision,
    longitude   double precision,
    accuracy_m  double precision,
    received_at timestamptz NOT NULL,
    stored_at   timestamptz NOT NULL DEFAULT now()
);
SELECT create_hypertable('device_event', 'device_ts', chunk_time_interval => interval '7 days');
-- The idempotency key of an event, and the index for "one device over a time range".
CREATE UNIQUE INDEX device_event_identity_idx ON device_event (device_id, device_ts, seq);

CREATE TABLE alert (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id        text NOT NULL REFERENCES tenant (id),
    kind             text NOT NULL CHECK (kind IN ('SOS', 'FALL')),
    severity         text NOT NULL CHECK (severity IN ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW')),
    status           text NOT NULL CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'DISPATCHED', 'ESCALATED', 'RESOLVED')),
    device_id        text NOT NULL REFERENCES device (id),
    elder_id         bigint REFERENCES elder (id),
    institution_id   bigint REFERENCES institution (id),
    region_code      char(6) REFERENCES region (code),
    raised_at        timestamptz NOT NULL,
    source_event_ts  timestamptz NOT NULL,
    source_event_seq bigint NOT NULL,
    latitude         double precision,
    longitude        double precision,
    acknowledged_at  timestamptz,
    resolved_at      timestamptz,
    -- One alert per triggering event: a redelivered message can never raise a second one.
    UNIQUE (device_id, kind, source_event_ts, source_event_seq)
);
CREATE INDEX alert_board_idx ON alert (tenant_id, raised_at DESC, id DESC);
CREATE INDEX alert_status_idx ON alert (tenant_id, status) WHERE status <> 'RESOLVED';
CREATE INDEX alert_elder_idx ON alert (elder_id);

CREATE TABLE alert_transition (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alert_id    bigint      NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
    from_status text,
    to_status   text        NOT NULL,
    actor       text        NOT NULL,
    at          timestamptz NOT NULL DEFAULT now(),
    note        text
);
CREATE INDEX alert_transition_alert_idx ON alert_transition (alert_id, at);

-- Messages the service could not accept, kept for operators. A redelivery of the same bytes on the
-- same topic is the same dead letter (counted, not duplicated).
CREATE TABLE dead_letter (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic            text        NOT NULL,
    device_id        text,
    reason           text        NOT NULL CHECK (reason IN ('BAD_TOPIC', 'UNKNOWN_DEVICE', 'REVOKED_DEVICE', 'OVERSIZED',
                                     'MALFORMED_JSON', 'SCHEMA_VIOLATION', 'WRONG_DEVICE_TYPE')),
    detail           text        NOT NULL,
    payload          bytea       NOT NULL, -- the first bytes only (see payload_size)
    payload_size     integer     NOT NULL,
    payload_sha256   bytea       NOT NULL,
    first_received_at timestamptz NOT NULL DEFAULT now(),
    last_received_at timestamptz NOT NULL DEFAULT now(),
    deliveries       integer     NOT NULL DEFAULT 1,
    UNIQUE (topic, payload_sha256)
);
CREATE INDEX dead_letter_recent_idx ON dead_letter (last_received_at DESC, id DESC);
