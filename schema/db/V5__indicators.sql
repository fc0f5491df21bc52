-- Plan indicators (issue 7): the population figures behind per-capita indicators, and the registry
-- attributes the plans count that V1 lacks.

-- Population of a division in one year (常住人口 and its age groups). Figures are registry data from
-- statistics bulletins or plans; any of them may be unknown. source says where a figure comes from.
CREATE TABLE region_population (
    region_code  char(6) NOT NULL REFERENCES region (code),
    year         integer NOT NULL CHECK (year BETWEEN 1950 AND 2100),
    total        bigint  CHECK (total >= 0),
    aged_60_plus bigint  CHECK (aged_60_plus >= 0),
    aged_65_plus bigint  CHECK (aged_65_plus >= 0),
    aged_80_plus bigint  CHECK (aged_80_plus >= 0),
    under_3      bigint  CHECK (under_3 >= 0),
    source       text    NOT NULL,
    PRIMARY KEY (region_code, year),
    CHECK (aged_65_plus IS NULL OR aged_60_plus IS NULL OR aged_65_plus <= aged_60_plus),
    CHECK (aged_80_plus IS NULL OR aged_65_plus IS NULL OR aged_80_plus <= aged_65_plus),
    CHECK (aged_60_plus IS NULL OR total IS NULL OR aged_60_plus <= total),
    CHECK (under_3 IS NULL OR total IS NULL OR under_3 <= total)
);

-- 示范性 (demonstration) status, e.g. a provincial demonstration nursery or elder-care home.
ALTER TABLE institution ADD COLUMN demonstration boolean NOT NULL DEFAULT false;

-- The visit-rate indicator reads completed visits by check-out time; the hardship lists by category.
CREATE INDEX service_order_completed_visit_idx ON service_order (elder_id, check_out_at)
    WHERE type = 'VISIT' AND state IN ('COMPLETED', 'RATED');
CREATE INDEX elder_hardship_category_idx ON elder_hardship (category, elder_id);
