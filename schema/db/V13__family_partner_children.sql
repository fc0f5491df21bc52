-- Who besides the tenant's own staff may read an elder: family members (FAMILY tokens) linked to their elders,
-- and third-party apps (PARTNER tokens) the elder consented to, per data category and for a time.
-- Children under three with their guardians and the nursery they attend, and the camera view grants
-- issued to guardians.

-- A family member is the subject of a FAMILY token of the tenant.
CREATE TABLE family_link (
    tenant_id  text        NOT NULL REFERENCES tenant (id),
    subject    text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    elder_id   bigint      NOT NULL REFERENCES elder (id) ON DELETE CASCADE,
    relation   text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, subject, elder_id)
);
CREATE INDEX family_link_elder_idx ON family_link (elder_id);

-- An elder's consent that a partner app (the subject of a PARTNER token) reads some categories of their data.
-- A consent is never deleted: revoking it stamps revoked_at, so who could read what, when, stays answerable.
CREATE TABLE partner_consent (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id  text        NOT NULL REFERENCES tenant (id),
    partner    text        NOT NULL CHECK (length(partner) BETWEEN 1 AND 200),
    elder_id   bigint      NOT NULL REFERENCES elder (id) ON DELETE CASCADE,
    scopes     text[]      NOT NULL CHECK (cardinality(scopes) > 0
                               AND scopes <@ ARRAY['ALERTS', 'ORDERS', 'DEVICES']::text[]),
    granted_at timestamptz NOT NULL,
    expires_at timestamptz,
    revoked_at timestamptz,
    CHECK (expires_at IS NULL OR expires_at > granted_at)
);
CREATE INDEX partner_consent_reader_idx ON partner_consent (tenant_id, partner, elder_id);
-- One live consent per partner and elder: a change of scope is a revocation and a new consent.
CREATE UNIQUE INDEX partner_consent_live ON partner_consent (tenant_id, partner, elder_id) WHERE revoked_at IS NULL;

-- Every (reader, elder, category) that is readable right now. The join on elder keeps a link or consent
-- inside the elder's own tenant even if a row was written with the wrong tenant.
CREATE VIEW elder_reader AS
SELECT f.tenant_id, 'FAMILY'::text AS kind, f.subject, f.elder_id, c.category
FROM family_link f
JOIN elder e ON e.id = f.elder_id AND e.tenant_id = f.tenant_id
CROSS JOIN unnest(ARRAY['ALERTS', 'ORDERS', 'DEVICES']::text[]) AS c (category)
UNION ALL
SELECT p.tenant_id, 'PARTNER'::text, p.partner, p.elder_id, s.category
FROM partner_consent p
JOIN elder e ON e.id = p.elder_id AND e.tenant_id = p.tenant_id
CROSS JOIN unnest(p.scopes) AS s (category)
WHERE p.revoked_at IS NULL AND p.granted_at <= now() AND (p.expires_at IS NULL OR p.expires_at > now());

-- 婴幼儿: children under three.
CREATE TABLE child (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   text NOT NULL REFERENCES tenant (id),
    name        text NOT NULL,
    national_id text NOT NULL CHECK (national_id ~ '^[0-9]{17}[0-9X]$'),
    birth_date  date NOT NULL,
    gender      text NOT NULL CHECK (gender IN ('MALE', 'FEMALE')),
    UNIQUE (tenant_id, national_id)
);

-- A guardian is a family member: the subject of a FAMILY token of the child's tenant.
CREATE TABLE child_guardian (
    child_id bigint  NOT NULL REFERENCES child (id) ON DELETE CASCADE,
    subject  text    NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    name     text    NOT NULL,
    relation text    NOT NULL,
    phone    text    NOT NULL,
    PRIMARY KEY (child_id, subject)
);
CREATE INDEX child_guardian_subject_idx ON child_guardian (subject);

-- Enrolment at a nursery (托育机构, 幼儿园托班 or 家庭托育点); left_on is null while the child attends.
CREATE TABLE child_enrollment (
    child_id       bigint NOT NULL REFERENCES child (id) ON DELETE CASCADE,
    institution_id bigint NOT NULL REFERENCES institution (id),
    enrolled_on    date   NOT NULL,
    left_on        date,
    PRIMARY KEY (child_id, institution_id, enrolled_on),
    CHECK (left_on IS NULL OR left_on >= enrolled_on)
);
CREATE INDEX child_enrollment_institution_idx ON child_enrollment (institution_id);
CREATE UNIQUE INDEX child_enrollment_one_current ON child_enrollment (child_id) WHERE left_on IS NULL;

-- Every camera view token handed out (the token itself is not kept; its id is).
CREATE TABLE camera_view_grant (
    id             uuid        PRIMARY KEY,
    tenant_id      text        NOT NULL REFERENCES tenant (id),
    subject        text        NOT NULL,
    camera_id      text        NOT NULL REFERENCES device (id),
    institution_id bigint      NOT NULL REFERENCES institution (id),
    child_id       bigint      NOT NULL REFERENCES child (id),
    issued_at      timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL
);
CREATE INDEX camera_view_grant_subject_idx ON camera_view_grant (tenant_id, subject, issued_at DESC);
