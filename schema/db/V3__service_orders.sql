-- Service orders (工单): the six helps, visits, respite and home nursing; caregivers and their phones'
-- locations; the order lifecycle with its history; recurring plans; anomalies; ratings and follow-ups.

-- The standard duration of each service type, per tenant (each city sets its own service standards).
-- A tenant without a row uses the built-in default of org.smartcare.order.ServiceType.
CREATE TABLE service_type (
    tenant_id        text    NOT NULL REFERENCES tenant (id),
    type             text    NOT NULL CHECK (type IN ('MEAL', 'BATH', 'CLEANING', 'MEDICAL_ESCORT', 'MOBILITY',
                                 'EMERGENCY', 'VISIT', 'RESPITE', 'HOME_NURSING')),
    name             text    NOT NULL, -- the tenant's own label, e.g. 助餐
    standard_minutes integer NOT NULL CHECK (standard_minutes BETWEEN 1 AND 1440),
    PRIMARY KEY (tenant_id, type)
);

-- Staff who serve at home: caregivers 养老护理员 and nurses, employed by an institution (持证上岗).
CREATE TABLE staff (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id               text   NOT NULL REFERENCES tenant (id),
    institution_id          bigint NOT NULL REFERENCES institution (id),
    name                    text   NOT NULL,
    phone                   text,
    certificate_no          text,
    certificate_valid_from  date,
    certificate_valid_until date,
    phone_device_id         text,  -- the caregiver-phone device reporting this person's location, if any
    active                  boolean NOT NULL DEFAULT true,
    CHECK (certificate_valid_until IS NULL OR certificate_valid_from IS NULL
           OR certificate_valid_from <= certificate_valid_until),
    CHECK (certificate_no IS NOT NULL OR (certificate_valid_from IS NULL AND certificate_valid_until IS NULL))
);
CREATE INDEX staff_institution_idx ON staff (institution_id);
CREATE UNIQUE INDEX staff_phone_device_idx ON staff (phone_device_id) WHERE phone_device_id IS NOT NULL;

-- Recurring plans: e.g. a meal every weekday, a visit every month for each elder in special hardship.
-- rule: DAILY | WEEKDAYS | WEEKLY(MON,THU) | MONTHLY(15) (a day past the month's end means its last day).
CREATE TABLE service_plan (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id         text    NOT NULL REFERENCES tenant (id),
    elder_id          bigint  NOT NULL REFERENCES elder (id),
    institution_id    bigint  NOT NULL REFERENCES institution (id), -- the provider
    type              text    NOT NULL CHECK (type IN ('MEAL', 'BATH', 'CLEANING', 'MEDICAL_ESCORT', 'MOBILITY',
                                  'EMERGENCY', 'VISIT', 'RESPITE', 'HOME_NURSING')),
    rule              text    NOT NULL CHECK (rule ~ '^(DAILY|WEEKDAYS|WEEKLY\((MON|TUE|WED|THU|FRI|SAT|SUN)(,(MON|TUE|WED|THU|FRI|SAT|SUN))*\)|MONTHLY\(([1-9]|[12][0-9]|3[01])\))$'),
    time_of_day       time    NOT NULL, -- in the elder's time zone
    duration_minutes  integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
    price_fen         bigint  NOT NULL DEFAULT 0 CHECK (price_fen >= 0),
    subsidy_fen       bigint  NOT NULL DEFAULT 0 CHECK (subsidy_fen >= 0 AND subsidy_fen <= price_fen),
    starts_on         date    NOT NULL,
    ends_on           date,
    active            boolean NOT NULL DEFAULT true,
    last_generated_on date,
    created_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX service_plan_active_idx ON service_plan (tenant_id) WHERE active;
CREATE INDEX service_plan_elder_idx ON service_plan (elder_id);

CREATE TABLE service_order (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id          text    NOT NULL REFERENCES tenant (id),
    type               text    NOT NULL CHECK (type IN ('MEAL', 'BATH', 'CLEANING', 'MEDICAL_ESCORT', 'MOBILITY',
                                   'EMERGENCY', 'VISIT', 'RESPITE', 'HOME_NURSING')),
    elder_id           bigint  NOT NULL REFERENCES elder (id),
    institution_id     bigint  NOT NULL REFERENCES institution (id), -- the provider
    caregiver_id       bigint  REFERENCES staff (id),
    scheduled_start    timestamptz NOT NULL,
    scheduled_end      timestamptz NOT NULL,
    -- The type's standard when the order was made: later changes to the standard do not re-judge old orders.
    standard_minutes   integer NOT NULL CHECK (standard_minutes BETWEEN 1 AND 1440),
    origin             text    NOT NULL CHECK (origin IN ('PLANNED', 'FAMILY_REQUEST', 'ALERT')),
    alert_id           bigint  REFERENCES alert (id),
    plan_id            bigint  REFERENCES service_plan (id),
    plan_date          date,
    price_fen          bigint  NOT NULL DEFAULT 0 CHECK (price_fen >= 0),
    subsidy_fen        bigint  NOT NULL DEFAULT 0 CHECK (subsidy_fen >= 0 AND subsidy_fen <= price_fen),
    state              text    NOT NULL CHECK (state IN ('CREATED', 'ASSIGNED', 'EN_ROUTE', 'IN_SERVICE', 'COMPLETED',
                                   'RATED', 'CANCELLED')),
    travel_started_at  timestamptz,
    check_in_at        timestamptz,
    check_in_latitude  double precision CHECK (check_in_latitude BETWEEN -90 AND 90),
    check_in_longitude double precision CHECK (check_in_longitude BETWEEN -180 AND 180),
    check_out_at       timestamptz,
    check_out_latitude double precision CHECK (check_out_latitude BETWEEN -90 AND 90),
    check_out_longitude double precision CHECK (check_out_longitude BETWEEN -180 AND 180),
    idempotency_key    text,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CHECK (scheduled_end > scheduled_start),
    CHECK ((origin = 'ALERT') = (alert_id IS NOT NULL)),
    CHECK (plan_id IS NULL OR origin = 'PLANNED'),
    CHECK ((plan_id IS NULL) = (plan_date IS NULL)),
    CHECK (caregiver_id IS NOT NULL OR state IN ('CREATED', 'CANCELLED')),
    CHECK ((check_in_at IS NULL) = (check_in_latitude IS NULL) AND (check_in_at IS NULL) = (check_in_longitude IS NULL)),
    CHECK ((check_out_at IS NULL) = (check_out_latitude IS NULL) AND (check_out_at IS NULL) = (check_out_longitude IS NULL)),
    CHECK ((check_in_at IS NOT NULL) = (state IN ('IN_SERVICE', 'COMPLETED', 'RATED'))),
    CHECK ((check_out_at IS NOT NULL) = (state IN ('COMPLETED', 'RATED'))),
    CHECK (check_out_at IS NULL OR check_out_at >= check_in_at),
    -- A retried create with the same key is the same order.
    UNIQUE (tenant_id, idempotency_key),
    -- A plan makes at most one order per day, however often generation runs.
    UNIQUE (plan_id, plan_date)
);
CREATE INDEX service_order_list_idx ON service_order (tenant_id, scheduled_start DESC, id DESC);
CREATE INDEX service_order_elder_idx ON service_order (elder_id, scheduled_start DESC);
CREATE INDEX service_order_institution_idx ON service_order (institution_id, scheduled_start DESC);
CREATE INDEX service_order_alert_idx ON service_order (alert_id) WHERE alert_id IS NOT NULL;
CREATE INDEX service_order_caregiver_idx ON service_order (caregiver_id, check_in_at) WHERE caregiver_id IS NOT NULL;
-- The missing-check-out sweep looks only at orders still in service.
CREATE INDEX service_order_in_service_idx ON service_order (check_in_at) WHERE state = 'IN_SERVICE';

-- Every state change of an order, the first one (from NULL to CREATED) included.
CREATE TABLE service_order_transition (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id   bigint      NOT NULL REFERENCES service_order (id) ON DELETE CASCADE,
    from_state text,
    to_state   text        NOT NULL,
    actor      text        NOT NULL,
    at         timestamptz NOT NULL,
    note       text
);
CREATE INDEX service_order_transition_order_idx ON service_order_transition (order_id, id);

-- Abnormal orders found by the detector (异常工单自动识别); kind is org.smartcare.order.AnomalyKind.
CREATE TABLE service_order_anomaly (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id    bigint      NOT NULL REFERENCES service_order (id) ON DELETE CASCADE,
    tenant_id   text        NOT NULL REFERENCES tenant (id), -- for the supervisors' list without a join
    kind        text        NOT NULL CHECK (kind IN ('CHECK_IN_FAR_FROM_HOME', 'SHORT_SERVICE',
                                'CHECK_IN_OUTSIDE_WINDOW', 'MISSING_CHECK_OUT', 'OVERLAPPING_ORDERS', 'IMPOSSIBLE_SPEED')),
    detail      text        NOT NULL,
    detected_at timestamptz NOT NULL,
    -- Detection runs on check-in, check-out and every sweep: each kind is recorded once per order.
    UNIQUE (order_id, kind)
);
CREATE INDEX service_order_anomaly_recent_idx ON service_order_anomaly (tenant_id, detected_at DESC, id DESC);

-- 好差评: one rating per order.
CREATE TABLE service_rating (
    order_id bigint      PRIMARY KEY REFERENCES service_order (id) ON DELETE CASCADE,
    score    smallint    NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment  text,
    rated_by text        NOT NULL,
    rated_at timestamptz NOT NULL
);

-- 差评回访 -> 整改反馈: a rating of 2 or less opens a follow-up that closes only with a corrective note.
CREATE TABLE rating_follow_up (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id        bigint      NOT NULL UNIQUE REFERENCES service_order (id) ON DELETE CASCADE,
    tenant_id       text        NOT NULL REFERENCES tenant (id),
    opened_at       timestamptz NOT NULL,
    due_at          timestamptz NOT NULL,
    closed_at       timestamptz,
    closed_by       text,
    corrective_note text,
    CHECK (due_at > opened_at),
    CHECK ((closed_at IS NULL) = (corrective_note IS NULL) AND (closed_at IS NULL) = (closed_by IS NULL)),
    CHECK (corrective_note IS NULL OR length(btrim(corrective_note)) > 0)
);
CREATE INDEX rating_follow_up_open_idx ON rating_follow_up (tenant_id, due_at) WHERE closed_at IS NULL;

-- Caregivers' phone locations (device class caregiver-phone). At city scale about 5,000 caregivers on
-- shift report every 30 s for ~10 h a day: ~6 M rows/day, under 1 GB/day with the index. One-day chunks
-- keep the chunk being written small and in memory, a track query for one order (a few hours) touches
-- one or two chunks, and retention can drop whole days.
CREATE TABLE caregiver_location (
    ts           timestamptz NOT NULL,
    caregiver_id bigint      NOT NULL,
    device_id    text,
    seq          bigint      NOT NULL,
    latitude     double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude    double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    accuracy_m   double precision CHECK (accuracy_m >= 0),
    received_at  timestamptz NOT NULL DEFAULT now()
);
SELECT create_hypertable('caregiver_location', 'ts', chunk_time_interval => interval '1 day');
-- Idempotency key (a redelivered fix adds nothing) and the "one caregiver over a time range" index.
CREATE UNIQUE INDEX caregiver_location_identity_idx ON caregiver_location (caregiver_id, ts, seq);
