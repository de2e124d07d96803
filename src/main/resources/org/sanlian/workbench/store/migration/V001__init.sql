-- V001: the whole workbench store. Applied by Migrator inside one transaction; STRICT tables,
-- foreign keys on. Times are ISO-8601 UTC text ('2026-11-26T22:30:00Z'); codes are text.

-- One scheme per assessment year, kept whole as its JSON text; copied forward from an earlier one.
CREATE TABLE scheme (
    id          INTEGER PRIMARY KEY,
    year        INTEGER NOT NULL UNIQUE CHECK (year BETWEEN 2000 AND 2200),
    code        TEXT    NOT NULL CHECK (length(code) > 0),
    name        TEXT    NOT NULL CHECK (length(name) > 0),
    json        TEXT    NOT NULL CHECK (json_valid(json)),
    copied_from INTEGER REFERENCES scheme (id) ON DELETE SET NULL,
    created_at  TEXT    NOT NULL,
    changed_at  TEXT    NOT NULL
) STRICT;

CREATE TABLE unit (
    id       INTEGER PRIMARY KEY,
    code     TEXT    NOT NULL UNIQUE CHECK (length(code) > 0),
    name     TEXT    NOT NULL CHECK (length(name) > 0),
    admin_code TEXT,
    position INTEGER NOT NULL DEFAULT 0,
    active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

-- Zones belong to a scheme (a year may regroup the units).
CREATE TABLE zone (
    id        INTEGER PRIMARY KEY,
    scheme_id INTEGER NOT NULL REFERENCES scheme (id) ON DELETE CASCADE,
    code      TEXT    NOT NULL CHECK (length(code) > 0),
    name      TEXT    NOT NULL CHECK (length(name) > 0),
    position  INTEGER NOT NULL DEFAULT 0,
    UNIQUE (scheme_id, code)
) STRICT;

CREATE TABLE zone_member (
    zone_id INTEGER NOT NULL REFERENCES zone (id) ON DELETE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES unit (id) ON DELETE RESTRICT,
    PRIMARY KEY (zone_id, unit_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX zone_member_unit ON zone_member (unit_id);

-- code is the period as written in files: 2025, 2025H1, 2025Q3.
CREATE TABLE period (
    id    INTEGER PRIMARY KEY,
    code  TEXT    NOT NULL UNIQUE,
    year  INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2200),
    kind  TEXT    NOT NULL CHECK (kind IN ('YEAR', 'HALF', 'QUARTER')),
    part  INTEGER NOT NULL CHECK ((kind = 'YEAR' AND part = 1) OR (kind = 'HALF' AND part BETWEEN 1 AND 2)
                                  OR (kind = 'QUARTER' AND part BETWEEN 1 AND 4)),
    UNIQUE (year, kind, part)
) STRICT;

-- Input and indicator figures. value NULL = explicitly missing; note and source per value.
CREATE TABLE figure (
    id         INTEGER PRIMARY KEY,
    scheme_id  INTEGER NOT NULL REFERENCES scheme (id) ON DELETE RESTRICT,
    period_id  INTEGER NOT NULL REFERENCES period (id) ON DELETE RESTRICT,
    unit_id    INTEGER NOT NULL REFERENCES unit (id) ON DELETE RESTRICT,
    code       TEXT    NOT NULL CHECK (length(code) > 0),
    value      REAL,
    note       TEXT    NOT NULL DEFAULT '',
    source     TEXT    NOT NULL DEFAULT '',
    operator   TEXT    NOT NULL,
    changed_at TEXT    NOT NULL,
    UNIQUE (scheme_id, period_id, unit_id, code)
) STRICT;
CREATE INDEX figure_by_period ON figure (scheme_id, period_id);
CREATE INDEX figure_by_unit ON figure (unit_id, code);

-- Targets (公开承诺 commitments and others) for a unit or for a zone, never both.
CREATE TABLE target (
    id         INTEGER PRIMARY KEY,
    scheme_id  INTEGER NOT NULL REFERENCES scheme (id) ON DELETE CASCADE,
    period_id  INTEGER REFERENCES period (id) ON DELETE RESTRICT,
    unit_id    INTEGER REFERENCES unit (id) ON DELETE RESTRICT,
    zone_id    INTEGER REFERENCES zone (id) ON DELETE CASCADE,
    code       TEXT    NOT NULL CHECK (length(code) > 0),
    value      REAL    NOT NULL,
    source     TEXT    NOT NULL DEFAULT '',
    operator   TEXT    NOT NULL,
    changed_at TEXT    NOT NULL,
    CHECK ((unit_id IS NULL) <> (zone_id IS NULL))
) STRICT;
CREATE UNIQUE INDEX target_unit ON target (scheme_id, ifnull(period_id, 0), unit_id, code) WHERE unit_id IS NOT NULL;
CREATE UNIQUE INDEX target_zone ON target (scheme_id, ifnull(period_id, 0), zone_id, code) WHERE zone_id IS NOT NULL;

-- Bonuses, penalties (count of occurrences) and vetoes recorded against a unit in a period.
CREATE TABLE adjustment (
    id         INTEGER PRIMARY KEY,
    scheme_id  INTEGER NOT NULL REFERENCES scheme (id) ON DELETE RESTRICT,
    period_id  INTEGER NOT NULL REFERENCES period (id) ON DELETE RESTRICT,
    unit_id    INTEGER NOT NULL REFERENCES unit (id) ON DELETE RESTRICT,
    code       TEXT    NOT NULL CHECK (length(code) > 0),
    kind       TEXT    NOT NULL CHECK (kind IN ('BONUS', 'PENALTY', 'VETO')),
    count      INTEGER NOT NULL DEFAULT 1 CHECK (count >= 0),
    note       TEXT    NOT NULL DEFAULT '',
    operator   TEXT    NOT NULL,
    changed_at TEXT    NOT NULL,
    UNIQUE (scheme_id, period_id, unit_id, code)
) STRICT;

-- 七有 coverage: each unit's characteristic chains against the seven items.
CREATE TABLE coverage (
    id         INTEGER PRIMARY KEY,
    scheme_id  INTEGER NOT NULL REFERENCES scheme (id) ON DELETE RESTRICT,
    unit_id    INTEGER NOT NULL REFERENCES unit (id) ON DELETE RESTRICT,
    chain      TEXT    NOT NULL CHECK (length(chain) > 0),
    item       INTEGER NOT NULL CHECK (item BETWEEN 1 AND 7),
    covered    INTEGER NOT NULL CHECK (covered IN (0, 1)),
    evidence   TEXT    NOT NULL DEFAULT '',
    operator   TEXT    NOT NULL,
    changed_at TEXT    NOT NULL,
    UNIQUE (scheme_id, unit_id, chain, item)
) STRICT;

-- A published bulletin: frozen content (the results as JSON) and its SHA-256; never changed.
CREATE TABLE bulletin (
    id           INTEGER PRIMARY KEY,
    number       TEXT    NOT NULL UNIQUE CHECK (length(number) > 0),
    published_on TEXT    NOT NULL,
    scheme_id    INTEGER NOT NULL REFERENCES scheme (id) ON DELETE RESTRICT,
    period_id    INTEGER NOT NULL REFERENCES period (id) ON DELETE RESTRICT,
    content_hash TEXT    NOT NULL CHECK (length(content_hash) = 64),
    content      TEXT    NOT NULL,
    operator     TEXT    NOT NULL,
    created_at   TEXT    NOT NULL
) STRICT;
CREATE INDEX bulletin_by_period ON bulletin (scheme_id, period_id);

CREATE TABLE bulletin_row (
    bulletin_id INTEGER NOT NULL REFERENCES bulletin (id) ON DELETE RESTRICT,
    unit_code   TEXT    NOT NULL,
    unit_name   TEXT    NOT NULL,
    total       REAL,
    rank        INTEGER CHECK (rank >= 1),
    zone_code   TEXT,
    zone_rank   INTEGER CHECK (zone_rank >= 1),
    bottom      INTEGER NOT NULL DEFAULT 0 CHECK (bottom IN (0, 1)),
    detail      TEXT    NOT NULL DEFAULT '{}',
    PRIMARY KEY (bulletin_id, unit_code)
) STRICT, WITHOUT ROWID;

-- Published bulletins and their rows are frozen.
CREATE TRIGGER bulletin_frozen_update BEFORE UPDATE ON bulletin
BEGIN SELECT RAISE(ABORT, 'bulletin is frozen'); END;
CREATE TRIGGER bulletin_frozen_delete BEFORE DELETE ON bulletin
BEGIN SELECT RAISE(ABORT, 'bulletin is frozen'); END;
CREATE TRIGGER bulletin_row_frozen_update BEFORE UPDATE ON bulletin_row
BEGIN SELECT RAISE(ABORT, 'bulletin is frozen'); END;
CREATE TRIGGER bulletin_row_frozen_delete BEFORE DELETE ON bulletin_row
BEGIN SELECT RAISE(ABORT, 'bulletin is frozen'); END;

-- Bottom-list interviews (末位约谈) and their follow-up.
CREATE TABLE interview (
    id           INTEGER PRIMARY KEY,
    unit_id      INTEGER NOT NULL REFERENCES unit (id) ON DELETE RESTRICT,
    period_id    INTEGER NOT NULL REFERENCES period (id) ON DELETE RESTRICT,
    bulletin_id  INTEGER REFERENCES bulletin (id) ON DELETE RESTRICT,
    held_on      TEXT,
    attendees    TEXT    NOT NULL DEFAULT '',
    plan         TEXT    NOT NULL DEFAULT '',
    deadline     TEXT,
    status       TEXT    NOT NULL DEFAULT 'PLANNED'
                 CHECK (status IN ('PLANNED', 'HELD', 'RECTIFYING', 'DONE', 'CANCELLED')),
    operator     TEXT    NOT NULL,
    changed_at   TEXT    NOT NULL
) STRICT;
CREATE INDEX interview_by_unit ON interview (unit_id, period_id);

CREATE TABLE setting (
    key   TEXT NOT NULL PRIMARY KEY CHECK (length(key) > 0),
    value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Every insert, change and delete of a kept record: old and new as JSON text (NULL for none).
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    operator   TEXT    NOT NULL,
    at         TEXT    NOT NULL,
    table_name TEXT    NOT NULL,
    action     TEXT    NOT NULL CHECK (action IN ('INSERT', 'UPDATE', 'DELETE')),
    record_key TEXT    NOT NULL,
    old_value  TEXT,
    new_value  TEXT,
    unit_code  TEXT,
    period_code TEXT,
    code       TEXT
) STRICT;
CREATE INDEX audit_by_time ON audit_log (at);
CREATE INDEX audit_by_record ON audit_log (table_name, record_key);
CREATE INDEX audit_by_unit ON audit_log (unit_code, period_code, code);
CREATE INDEX audit_by_operator ON audit_log (operator);
