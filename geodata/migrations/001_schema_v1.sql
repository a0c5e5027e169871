-- secmap schema v1. Applied by src/store/migrations.cpp inside one transaction after
-- InitSpatialMetaData; geometry columns are added with AddGeometryColumn (SRID 4326).
-- Dates are ISO-8601 text. Every editable table has version/updated_at/updated_by for
-- optimistic concurrency and the audit trail. Code lists are seeded from geodata/codelists/.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Code lists: one table each so that foreign keys hold. name_vi is NFC Vietnamese.
CREATE TABLE incident_groups (
  code TEXT PRIMARY KEY, name_vi TEXT NOT NULL, name_en TEXT NOT NULL, sort_order INTEGER NOT NULL,
  social_order INTEGER NOT NULL DEFAULT 0  -- 1: counts toward "tội phạm về TTXH" targets
);
CREATE TABLE incident_categories (
  code TEXT PRIMARY KEY, group_code TEXT NOT NULL REFERENCES incident_groups(code),
  name_vi TEXT NOT NULL, name_en TEXT NOT NULL, sort_order INTEGER NOT NULL
);
CREATE TABLE severities (
  code TEXT PRIMARY KEY, name_vi TEXT NOT NULL, name_en TEXT NOT NULL, sort_order INTEGER NOT NULL
);
CREATE TABLE case_statuses (
  code TEXT PRIMARY KEY, name_vi TEXT NOT NULL, name_en TEXT NOT NULL, sort_order INTEGER NOT NULL,
  cleared INTEGER NOT NULL DEFAULT 0  -- 1: counts as solved ("khám phá") for clearance rates
);
CREATE TABLE drug_free_statuses (
  code TEXT PRIMARY KEY, name_vi TEXT NOT NULL, name_en TEXT NOT NULL, sort_order INTEGER NOT NULL
);
CREATE TABLE antt_standards (
  code TEXT PRIMARY KEY, name_vi TEXT NOT NULL, name_en TEXT NOT NULL, sort_order INTEGER NOT NULL
);
CREATE TABLE movement_classes (
  code TEXT PRIMARY KEY, name_vi TEXT NOT NULL, name_en TEXT NOT NULL, sort_order INTEGER NOT NULL
);
CREATE TABLE designation_types (
  code TEXT PRIMARY KEY, name_vi TEXT NOT NULL, name_en TEXT NOT NULL, sort_order INTEGER NOT NULL
);
CREATE TABLE crossing_kinds (
  code TEXT PRIMARY KEY, name_vi TEXT NOT NULL, name_en TEXT NOT NULL, sort_order INTEGER NOT NULL,
  sensitive INTEGER NOT NULL DEFAULT 0  -- openings and trails are sensitive by kind
);
CREATE TABLE facility_kinds (
  code TEXT PRIMARY KEY, name_vi TEXT NOT NULL, name_en TEXT NOT NULL, sort_order INTEGER NOT NULL
);
CREATE TABLE cooperation_kinds (
  code TEXT PRIMARY KEY, name_vi TEXT NOT NULL, name_en TEXT NOT NULL, sort_order INTEGER NOT NULL
);
CREATE TABLE commune_kinds (
  code TEXT PRIMARY KEY, name_vi TEXT NOT NULL, name_en TEXT NOT NULL, sort_order INTEGER NOT NULL
);
CREATE TABLE patrol_modes (
  code TEXT PRIMARY KEY, name_vi TEXT NOT NULL, name_en TEXT NOT NULL, sort_order INTEGER NOT NULL,
  speed_kmh REAL NOT NULL  -- default planning speed
);

-- Administrative units. The 2025 reorganisation changed boundaries, so a code is unique per
-- validity start, and old units are kept with valid_to set.
CREATE TABLE communes (
  id            INTEGER PRIMARY KEY,
  code          TEXT NOT NULL,
  name          TEXT NOT NULL,
  full_name     TEXT,
  name_en       TEXT,
  kind          TEXT REFERENCES commune_kinds(code),
  province_code TEXT,
  province_name TEXT,
  population    INTEGER CHECK (population IS NULL OR population >= 0),
  area_km2      REAL,
  is_border     INTEGER NOT NULL DEFAULT 0,
  valid_from    TEXT NOT NULL DEFAULT '2025-07-01',
  valid_to      TEXT,
  source        TEXT,
  is_demo       INTEGER NOT NULL DEFAULT 0,
  version       INTEGER NOT NULL DEFAULT 1,
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  updated_by    TEXT,
  UNIQUE (code, valid_from)
);
SELECT AddGeometryColumn('communes', 'geom', 4326, 'MULTIPOLYGON', 'XY');

CREATE TABLE border_line (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  country_a   TEXT NOT NULL DEFAULT 'VN',
  country_b   TEXT NOT NULL DEFAULT 'CN',
  source      TEXT,
  is_demo     INTEGER NOT NULL DEFAULT 0,
  version     INTEGER NOT NULL DEFAULT 1,
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  updated_by  TEXT
);
SELECT AddGeometryColumn('border_line', 'geom', 4326, 'MULTILINESTRING', 'XY');

-- Border split into segments (by adjoining commune, or fixed-length pieces for patrol
-- bookkeeping); segment_id is stable text such as "LC-02647-01" or "5km-017".
CREATE TABLE border_segments (
  id            INTEGER PRIMARY KEY,
  border_id     INTEGER NOT NULL REFERENCES border_line(id) ON DELETE CASCADE,
  segment_id    TEXT NOT NULL,
  scheme        TEXT NOT NULL,  -- 'commune' | 'fixed'
  seq           INTEGER NOT NULL,
  commune_code  TEXT,
  name          TEXT,
  length_m      REAL,
  UNIQUE (scheme, segment_id)
);
SELECT AddGeometryColumn('border_segments', 'geom', 4326, 'LINESTRING', 'XY');

CREATE TABLE crossings (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  alt_name      TEXT,
  kind          TEXT NOT NULL REFERENCES crossing_kinds(code),
  status        TEXT NOT NULL DEFAULT 'open',  -- open | restricted | closed
  counterpart   TEXT,                          -- the Chinese side's gate or village
  commune_code  TEXT,
  sensitive     INTEGER NOT NULL DEFAULT 0,
  notes         TEXT,
  source        TEXT,
  is_demo       INTEGER NOT NULL DEFAULT 0,
  version       INTEGER NOT NULL DEFAULT 1,
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  updated_by    TEXT
);
SELECT AddGeometryColumn('crossings', 'geom', 4326, 'POINT', 'XY');

CREATE TABLE facilities (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL,
  kind            TEXT NOT NULL REFERENCES facility_kinds(code),
  country         TEXT NOT NULL DEFAULT 'VN',
  counterpart_id  INTEGER REFERENCES facilities(id),  -- BLO office ↔ its counterpart
  commune_code    TEXT,
  sensitive       INTEGER NOT NULL DEFAULT 0,
  notes           TEXT,
  source          TEXT,
  is_demo         INTEGER NOT NULL DEFAULT 0,
  version         INTEGER NOT NULL DEFAULT 1,
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  updated_by      TEXT
);
SELECT AddGeometryColumn('facilities', 'geom', 4326, 'POINT', 'XY');

-- Individual incidents are sensitive: public views aggregate them to communes.
CREATE TABLE incidents (
  id               INTEGER PRIMARY KEY,
  case_number      TEXT UNIQUE,
  category         TEXT NOT NULL REFERENCES incident_categories(code),
  occurred_at      TEXT NOT NULL,
  severity         TEXT REFERENCES severities(code),
  status           TEXT NOT NULL DEFAULT 'received' REFERENCES case_statuses(code),
  commune_code     TEXT,             -- assigned by point-in-polygon at import
  outside_communes INTEGER NOT NULL DEFAULT 0,  -- 1: the point fell in no commune
  cross_border     INTEGER NOT NULL DEFAULT 0,
  campaign_tags    TEXT,             -- comma-separated campaigns.code
  description      TEXT,
  sensitive        INTEGER NOT NULL DEFAULT 1,
  deleted          INTEGER NOT NULL DEFAULT 0,  -- deletions are kept, never erased
  source           TEXT,
  is_demo          INTEGER NOT NULL DEFAULT 0,
  version          INTEGER NOT NULL DEFAULT 1,
  updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  updated_by       TEXT
);
SELECT AddGeometryColumn('incidents', 'geom', 4326, 'POINT', 'XY');
CREATE INDEX incidents_occurred_at ON incidents(occurred_at);
CREATE INDEX incidents_commune ON incidents(commune_code);

-- Status of a commune for a period; a new period is a new row, history is never overwritten.
CREATE TABLE commune_status (
  id              INTEGER PRIMARY KEY,
  commune_code    TEXT NOT NULL,
  period_from     TEXT NOT NULL,
  period_to       TEXT,
  drug_free       TEXT REFERENCES drug_free_statuses(code),
  antt_standard   TEXT REFERENCES antt_standards(code),
  movement_class  TEXT REFERENCES movement_classes(code),
  residential_areas       INTEGER,  -- khu dân cư in the commune
  residential_areas_safe  INTEGER,  -- of which meeting "an toàn về ANTT"
  source          TEXT,
  is_demo         INTEGER NOT NULL DEFAULT 0,
  version         INTEGER NOT NULL DEFAULT 1,
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  updated_by      TEXT,
  CHECK (period_to IS NULL OR period_to >= period_from)
);
CREATE INDEX commune_status_code ON commune_status(commune_code, period_from);

CREATE TABLE designations (
  id            INTEGER PRIMARY KEY,
  type          TEXT NOT NULL REFERENCES designation_types(code),
  name          TEXT NOT NULL,
  level         TEXT,   -- e.g. tỉnh / xã
  year          INTEGER,
  state         TEXT,   -- e.g. selected / building / achieved
  commune_code  TEXT,
  source        TEXT,
  is_demo       INTEGER NOT NULL DEFAULT 0,
  version       INTEGER NOT NULL DEFAULT 1,
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  updated_by    TEXT
);
SELECT AddGeometryColumn('designations', 'geom', 4326, 'POINT', 'XY');

CREATE TABLE cooperation_events (
  id              INTEGER PRIMARY KEY,
  kind            TEXT NOT NULL REFERENCES cooperation_kinds(code),
  occurred_on     TEXT NOT NULL,
  vn_party        TEXT NOT NULL,
  counterpart     TEXT NOT NULL,
  crossing_id     INTEGER REFERENCES crossings(id),
  facility_id     INTEGER REFERENCES facilities(id),
  subject         TEXT,   -- drugs / trafficking / weapons / smuggling …
  notes           TEXT,
  counterpart_lon REAL,   -- where the counterpart sits, on the Chinese side
  counterpart_lat REAL,
  sensitive       INTEGER NOT NULL DEFAULT 0,
  source          TEXT,
  is_demo         INTEGER NOT NULL DEFAULT 0,
  version         INTEGER NOT NULL DEFAULT 1,
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  updated_by      TEXT
);
SELECT AddGeometryColumn('cooperation_events', 'geom', 4326, 'POINT', 'XY');

CREATE TABLE patrols (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  unit        TEXT,
  mode        TEXT NOT NULL DEFAULT 'foot' REFERENCES patrol_modes(code),
  state       TEXT NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'done')),
  starts_at   TEXT,
  ends_at     TEXT,
  joint       INTEGER NOT NULL DEFAULT 0,  -- joint Police – Border Guard – Military patrol
  sensitive   INTEGER NOT NULL DEFAULT 1,
  source      TEXT,
  is_demo     INTEGER NOT NULL DEFAULT 0,
  version     INTEGER NOT NULL DEFAULT 1,
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  updated_by  TEXT
);
SELECT AddGeometryColumn('patrols', 'geom', 4326, 'LINESTRING', 'XY');

CREATE TABLE campaigns (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  name_en    TEXT,
  date_from  TEXT NOT NULL,
  date_to    TEXT NOT NULL,
  province   TEXT,
  source     TEXT,
  is_demo    INTEGER NOT NULL DEFAULT 0,
  version    INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  updated_by TEXT,
  CHECK (date_to >= date_from)
);

CREATE TABLE slides (
  id         INTEGER PRIMARY KEY,
  deck       TEXT NOT NULL DEFAULT 'default',
  position   INTEGER NOT NULL,
  title      TEXT NOT NULL,
  subtitle   TEXT,
  note       TEXT,
  view_json  TEXT NOT NULL,   -- extent, layers, styles, time window, filters
  public     INTEGER NOT NULL DEFAULT 0,
  version    INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  updated_by TEXT
);

-- Append-only audit trail, each row chained to the previous by hash.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  who         TEXT NOT NULL,
  action      TEXT NOT NULL,   -- insert | update | delete | import | migrate
  table_name  TEXT NOT NULL,
  row_id      INTEGER,
  before_json TEXT,
  after_json  TEXT,
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

SELECT CreateSpatialIndex('communes', 'geom');
SELECT CreateSpatialIndex('border_line', 'geom');
SELECT CreateSpatialIndex('border_segments', 'geom');
SELECT CreateSpatialIndex('crossings', 'geom');
SELECT CreateSpatialIndex('facilities', 'geom');
SELECT CreateSpatialIndex('incidents', 'geom');
SELECT CreateSpatialIndex('designations', 'geom');
SELECT CreateSpatialIndex('patrols', 'geom');
SELECT CreateSpatialIndex('cooperation_events', 'geom');
