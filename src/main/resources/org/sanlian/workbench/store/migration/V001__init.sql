-- V001: the whole workbench store. Applied by Migrator inside one transaction; STRICT tables,
-- foreign keys on. Times are ISO-8601 UTC text ('2026-11-26T22:30:00Z'); codes are text.
-- Every write transaction first sets actor (who and when); the audit triggers below read it, so
-- no insert, change or delete of a kept record escapes the audit log, whichever code made it.

-- Who is writing, and since when: one row, set at the start of every write transaction.
CREATE TABLE actor (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    operator TEXT    NOT NULL,
    at       TEXT    NOT NULL
) STRICT;
INSERT INTO actor (id, operator, at) VALUES (1, 'system', '1970-01-01T00:00:00Z');

-- One scheme per assessment year, kept whole as its JSON text (FORMATS.md); copied forward from
-- an earlier year. Units and zones below mirror the JSON so that figures can refer to them.
CREATE TABLE scheme (
    id          INTEGER PRIMARY KEY,
    year        INTEGER NOT NULL UNIQUE CHECK (year BETWEEN 1000 AND 9999),
    code        TEXT    NOT NULL CHECK (length(code) > 0),
    name        TEXT    NOT NULL CHECK (length(name) > 0),
    json        TEXT    NOT NULL CHECK (json_valid(json)),
    copied_from INTEGER REFERENCES scheme (id) ON DELETE SET NULL,
    created_at  TEXT    NOT NULL,
    changed_at  TEXT    NOT NULL
) STRICT;

-- Units are the office's, across years; a unit is never deleted once it has figures.
CREATE TABLE unit (
    id       INTEGER PRIMARY KEY,
    code     TEXT    NOT NULL UNIQUE CHECK (length(code) > 0),
    name     TEXT    NOT NULL CHECK (length(name) > 0)
) STRICT;

-- Zones belong to a scheme (a year may regroup the units).
CREATE TABLE zone (
    id        INTEGER PRIMARY KEY,
    scheme_id INTEGER NOT NULL REFERENCES scheme (id) ON DELETE CASCADE,
    code      TEXT    NOT NULL CHECK (length(code) > 0),
    name      TEXT    NOT NULL CHECK (length(name) > 0),
    position  INTEGER NOT NULL,
    UNIQUE (scheme_id, code)
) STRICT;

CREATE TABLE zone_member (
    zone_id  INTEGER NOT NULL REFERENCES zone (id) ON DELETE CASCADE,
    unit_id  INTEGER NOT NULL REFERENCES unit (id) ON DELETE RESTRICT,
    position INTEGER NOT NULL,
    PRIMARY KEY (zone_id, unit_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX zone_member_unit ON zone_member (unit_id);

-- code is the period as written in files: 2025, 2025H1, 2025Q3.
CREATE TABLE period (
    id    INTEGER PRIMARY KEY,
    code  TEXT    NOT NULL UNIQUE,
    year  INTEGER NOT NULL CHECK (year BETWEEN 1000 AND 9999),
    kind  TEXT    NOT NULL CHECK (kind IN ('YEAR', 'HALF', 'QUARTER')),
    part  INTEGER NOT NULL CHECK ((kind = 'YEAR' AND part = 1) OR (kind = 'HALF' AND part BETWEEN 1 AND 2)
                                  OR (kind = 'QUARTER' AND part BETWEEN 1 AND 4)),
    UNIQUE (year, kind, part)
) STRICT;

-- One import (or one batch of edits): what was read, by whom, how many rows it wrote.
CREATE TABLE import_batch (
    id       INTEGER PRIMARY KEY,
    kind     TEXT    NOT NULL CHECK (kind IN ('DATA', 'TARGETS', 'COVERAGE', 'EDIT')),
    source   TEXT    NOT NULL,
    operator TEXT    NOT NULL,
    at       TEXT    NOT NULL,
    rows     INTEGER NOT NULL CHECK (rows >= 0)
) STRICT;

-- Figures: inputs, entered indicator values, adjustment counts and veto flags (the data file's
-- rows). value NULL = explicitly missing. A figure is a fact about a unit in a period, whichever
-- year's scheme scores it.
CREATE TABLE figure (
    period_id  INTEGER NOT NULL REFERENCES period (id) ON DELETE RESTRICT,
    unit_id    INTEGER NOT NULL REFERENCES unit (id) ON DELETE RESTRICT,
    code       TEXT    NOT NULL CHECK (length(code) > 0),
    value      REAL,
    note       TEXT    NOT NULL DEFAULT '',
    source     TEXT    NOT NULL DEFAULT '',
    operator   TEXT    NOT NULL,
    changed_at TEXT    NOT NULL,
    batch_id   INTEGER REFERENCES import_batch (id) ON DELETE SET NULL,
    -- How the figure came in when an import inserted it: the batch (who, when, which file) and the
    -- value and note it brought. Never changed afterwards; the audit trail's INSERT line of such a
    -- figure is read from here (view audit_trail) instead of being written row by row.
    created_batch INTEGER REFERENCES import_batch (id) ON DELETE RESTRICT,
    created_value REAL,
    created_note  TEXT,
    PRIMARY KEY (period_id, unit_id, code)
) STRICT, WITHOUT ROWID;

-- Targets: a unit's commitments (公开承诺) or a zone's target, by period and code. subject is the
-- unit or zone code; unit_id is set for a unit's target.
CREATE TABLE target (
    period_id  INTEGER NOT NULL REFERENCES period (id) ON DELETE RESTRICT,
    subject    TEXT    NOT NULL CHECK (length(subject) > 0),
    unit_id    INTEGER REFERENCES unit (id) ON DELETE RESTRICT,
    code       TEXT    NOT NULL CHECK (length(code) > 0),
    value      REAL    NOT NULL,
    note       TEXT    NOT NULL DEFAULT '',
    source     TEXT    NOT NULL DEFAULT '',
    operator   TEXT    NOT NULL,
    changed_at TEXT    NOT NULL,
    batch_id   INTEGER REFERENCES import_batch (id) ON DELETE SET NULL,
    PRIMARY KEY (period_id, subject, code)
) STRICT, WITHOUT ROWID;

-- 七有 coverage: each unit's characteristic industry chains against the seven items, by period.
CREATE TABLE coverage (
    period_id  INTEGER NOT NULL REFERENCES period (id) ON DELETE RESTRICT,
    unit_id    INTEGER NOT NULL REFERENCES unit (id) ON DELETE RESTRICT,
    chain      TEXT    NOT NULL CHECK (length(chain) > 0),
    item       INTEGER NOT NULL CHECK (item BETWEEN 1 AND 7),
    covered    INTEGER NOT NULL CHECK (covered IN (0, 1)),
    evidence   TEXT    NOT NULL DEFAULT '',
    operator   TEXT    NOT NULL,
    changed_at TEXT    NOT NULL,
    PRIMARY KEY (period_id, unit_id, chain, item)
) STRICT, WITHOUT ROWID;

-- A published bulletin (通报): frozen content (scheme, results, detail and bottom list) and the
-- SHA-256 of that content; never changed or deleted.
CREATE TABLE bulletin (
    id           INTEGER PRIMARY KEY,
    number       TEXT    NOT NULL UNIQUE CHECK (length(number) > 0),
    published_on TEXT    NOT NULL,
    scheme_id    INTEGER NOT NULL REFERENCES scheme (id) ON DELETE RESTRICT,
    period_id    INTEGER NOT NULL REFERENCES period (id) ON DELETE RESTRICT,
    content_hash TEXT    NOT NULL CHECK (length(content_hash) = 64),
    content      TEXT    NOT NULL CHECK (json_valid(content)),
    operator     TEXT    NOT NULL,
    created_at   TEXT    NOT NULL
) STRICT;
CREATE INDEX bulletin_by_period ON bulletin (period_id);

-- The bulletin's ranking, one row per unit, for queries (the content is the record).
CREATE TABLE bulletin_row (
    bulletin_id INTEGER NOT NULL REFERENCES bulletin (id) ON DELETE RESTRICT,
    unit_code   TEXT    NOT NULL,
    unit_name   TEXT    NOT NULL,
    zone_code   TEXT    NOT NULL,
    total       REAL,
    rank        INTEGER CHECK (rank >= 1),
    zone_rank   INTEGER CHECK (zone_rank >= 1),
    bottom      INTEGER NOT NULL CHECK (bottom IN (0, 1)),
    level       TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (bulletin_id, unit_code)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER bulletin_frozen_update BEFORE UPDATE ON bulletin
BEGIN SELECT RAISE(ABORT, 'bulletin is frozen'); END;
CREATE TRIGGER bulletin_frozen_delete BEFORE DELETE ON bulletin
BEGIN SELECT RAISE(ABORT, 'bulletin is frozen'); END;
CREATE TRIGGER bulletin_row_frozen_update BEFORE UPDATE ON bulletin_row
BEGIN SELECT RAISE(ABORT, 'bulletin is frozen'); END;
CREATE TRIGGER bulletin_row_frozen_delete BEFORE DELETE ON bulletin_row
BEGIN SELECT RAISE(ABORT, 'bulletin is frozen'); END;
-- A scheme that a bulletin used is frozen too: copy it to change it.
CREATE TRIGGER scheme_published_update BEFORE UPDATE OF json ON scheme
WHEN EXISTS (SELECT 1 FROM bulletin WHERE scheme_id = OLD.id) AND OLD.json IS NOT NEW.json
BEGIN SELECT RAISE(ABORT, 'scheme is used by a published bulletin'); END;

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

-- Every insert, change and delete of a kept record, written by the triggers below: who and when
-- (from actor), the record's codes, and the old and new content as JSON (NULL for none).
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT    NOT NULL,
    operator    TEXT    NOT NULL,
    entity      TEXT    NOT NULL,
    action      TEXT    NOT NULL CHECK (action IN ('INSERT', 'UPDATE', 'DELETE')),
    unit_code   TEXT,
    period_code TEXT,
    code        TEXT,
    old_value   TEXT,
    new_value   TEXT
) STRICT;
CREATE INDEX audit_by_unit ON audit_log (unit_code, period_code);
CREATE INDEX audit_by_code ON audit_log (code);

-- Audit triggers: one per table and action; an UPDATE that changes nothing records nothing.
CREATE TRIGGER figure_audit_insert AFTER INSERT ON figure
WHEN NEW.created_batch IS NULL
BEGIN
    INSERT INTO audit_log (at, operator, entity, action, unit_code, period_code, code, old_value, new_value)
    SELECT at, operator, 'figure', 'INSERT', (SELECT code FROM unit WHERE id = NEW.unit_id), (SELECT code FROM period WHERE id = NEW.period_id), NEW.code, NULL, json_object('value', NEW.value, 'note', NEW.note, 'source', NEW.source) FROM actor;
END;
CREATE TRIGGER figure_audit_update AFTER UPDATE ON figure
WHEN OLD.value IS NOT NEW.value OR OLD.note IS NOT NEW.note OR OLD.source IS NOT NEW.source
BEGIN
    INSERT INTO audit_log (at, operator, entity, action, unit_code, period_code, code, old_value, new_value)
    SELECT at, operator, 'figure', 'UPDATE', (SELECT code FROM unit WHERE id = NEW.unit_id), (SELECT code FROM period WHERE id = NEW.period_id), NEW.code, json_object('value', OLD.value, 'note', OLD.note, 'source', OLD.source), json_object('value', NEW.value, 'note', NEW.note, 'source', NEW.source) FROM actor;
END;
CREATE TRIGGER figure_audit_delete AFTER DELETE ON figure
BEGIN
    -- an imported figure's INSERT line lived in the figure row; keep it before the row goes
    INSERT INTO audit_log (at, operator, entity, action, unit_code, period_code, code, old_value, new_value)
    SELECT b.at, b.operator, 'figure', 'INSERT', (SELECT code FROM unit WHERE id = OLD.unit_id),
           (SELECT code FROM period WHERE id = OLD.period_id), OLD.code, NULL,
           json_object('value', OLD.created_value, 'note', OLD.created_note, 'source', b.source)
    FROM import_batch b WHERE b.id = OLD.created_batch;
    INSERT INTO audit_log (at, operator, entity, action, unit_code, period_code, code, old_value, new_value)
    SELECT at, operator, 'figure', 'DELETE', (SELECT code FROM unit WHERE id = OLD.unit_id), (SELECT code FROM period WHERE id = OLD.period_id), OLD.code, json_object('value', OLD.value, 'note', OLD.note, 'source', OLD.source), NULL FROM actor;
END;

CREATE TRIGGER target_audit_insert AFTER INSERT ON target
BEGIN
    INSERT INTO audit_log (at, operator, entity, action, unit_code, period_code, code, old_value, new_value)
    SELECT at, operator, 'target', 'INSERT', NEW.subject, (SELECT code FROM period WHERE id = NEW.period_id), NEW.code, NULL, json_object('value', NEW.value, 'note', NEW.note, 'source', NEW.source) FROM actor;
END;
CREATE TRIGGER target_audit_update AFTER UPDATE ON target
WHEN OLD.value IS NOT NEW.value OR OLD.note IS NOT NEW.note OR OLD.source IS NOT NEW.source
BEGIN
    INSERT INTO audit_log (at, operator, entity, action, unit_code, period_code, code, old_value, new_value)
    SELECT at, operator, 'target', 'UPDATE', NEW.subject, (SELECT code FROM period WHERE id = NEW.period_id), NEW.code, json_object('value', OLD.value, 'note', OLD.note, 'source', OLD.source), json_object('value', NEW.value, 'note', NEW.note, 'source', NEW.source) FROM actor;
END;
CREATE TRIGGER target_audit_delete AFTER DELETE ON target
BEGIN
    INSERT INTO audit_log (at, operator, entity, action, unit_code, period_code, code, old_value, new_value)
    SELECT at, operator, 'target', 'DELETE', OLD.subject, (SELECT code FROM period WHERE id = OLD.period_id), OLD.code, json_object('value', OLD.value, 'note', OLD.note, 'source', OLD.source), NULL FROM actor;
END;

CREATE TRIGGER coverage_audit_insert AFTER INSERT ON coverage
BEGIN
    INSERT INTO audit_log (at, operator, entity, action, unit_code, period_code, code, old_value, new_value)
    SELECT at, operator, 'coverage', 'INSERT', (SELECT code FROM unit WHERE id = NEW.unit_id), (SELECT code FROM period WHERE id = NEW.period_id), NEW.chain, NULL, json_object('item', NEW.item, 'covered', NEW.covered, 'evidence', NEW.evidence) FROM actor;
END;
CREATE TRIGGER coverage_audit_update AFTER UPDATE ON coverage
WHEN OLD.covered IS NOT NEW.covered OR OLD.evidence IS NOT NEW.evidence
BEGIN
    INSERT INTO audit_log (at, operator, entity, action, unit_code, period_code, code, old_value, new_value)
    SELECT at, operator, 'coverage', 'UPDATE', (SELECT code FROM unit WHERE id = NEW.unit_id), (SELECT code FROM period WHERE id = NEW.period_id), NEW.chain, json_object('item', OLD.item, 'covered', OLD.covered, 'evidence', OLD.evidence), json_object('item', NEW.item, 'covered', NEW.covered, 'evidence', NEW.evidence) FROM actor;
END;
CREATE TRIGGER coverage_audit_delete AFTER DELETE ON coverage
BEGIN
    INSERT INTO audit_log (at, operator, entity, action, unit_code, period_code, code, old_value, new_value)
    SELECT at, operator, 'coverage', 'DELETE', (SELECT code FROM unit WHERE id = OLD.unit_id), (SELECT code FROM period WHERE id = OLD.period_id), OLD.chain, json_object('item', OLD.item, 'covered', OLD.covered, 'evidence', OLD.evidence), NULL FROM actor;
END;

CREATE TRIGGER scheme_audit_insert AFTER INSERT ON scheme
BEGIN
    INSERT INTO audit_log (at, operator, entity, action, unit_code, period_code, code, old_value, new_value)
    SELECT at, operator, 'scheme', 'INSERT', NULL, CAST(NEW.year AS TEXT), NEW.code, NULL, NEW.json FROM actor;
END;
CREATE TRIGGER scheme_audit_update AFTER UPDATE ON scheme
WHEN OLD.json IS NOT NEW.json OR OLD.code IS NOT NEW.code OR OLD.name IS NOT NEW.name
BEGIN
    INSERT INTO audit_log (at, operator, entity, action, unit_code, period_code, code, old_value, new_value)
    SELECT at, operator, 'scheme', 'UPDATE', NULL, CAST(NEW.year AS TEXT), NEW.code, OLD.json, NEW.json FROM actor;
END;
CREATE TRIGGER scheme_audit_delete AFTER DELETE ON scheme
BEGIN
    INSERT INTO audit_log (at, operator, entity, action, unit_code, period_code, code, old_value, new_value)
    SELECT at, operator, 'scheme', 'DELETE', NULL, CAST(OLD.year AS TEXT), OLD.code, OLD.json, NULL FROM actor;
END;

CREATE TRIGGER interview_audit_insert AFTER INSERT ON interview
BEGIN
    INSERT INTO audit_log (at, operator, entity, action, unit_code, period_code, code, old_value, new_value)
    SELECT at, operator, 'interview', 'INSERT', (SELECT code FROM unit WHERE id = NEW.unit_id), (SELECT code FROM period WHERE id = NEW.period_id), CAST(NEW.id AS TEXT), NULL, json_object('held_on', NEW.held_on, 'attendees', NEW.attendees, 'plan', NEW.plan, 'deadline', NEW.deadline, 'status', NEW.status) FROM actor;
END;
CREATE TRIGGER interview_audit_update AFTER UPDATE ON interview
WHEN OLD.held_on IS NOT NEW.held_on OR OLD.attendees IS NOT NEW.attendees OR OLD.plan IS NOT NEW.plan OR OLD.deadline IS NOT NEW.deadline OR OLD.status IS NOT NEW.status
BEGIN
    INSERT INTO audit_log (at, operator, entity, action, unit_code, period_code, code, old_value, new_value)
    SELECT at, operator, 'interview', 'UPDATE', (SELECT code FROM unit WHERE id = NEW.unit_id), (SELECT code FROM period WHERE id = NEW.period_id), CAST(NEW.id AS TEXT), json_object('held_on', OLD.held_on, 'attendees', OLD.attendees, 'plan', OLD.plan, 'deadline', OLD.deadline, 'status', OLD.status), json_object('held_on', NEW.held_on, 'attendees', NEW.attendees, 'plan', NEW.plan, 'deadline', NEW.deadline, 'status', NEW.status) FROM actor;
END;
CREATE TRIGGER interview_audit_delete AFTER DELETE ON interview
BEGIN
    INSERT INTO audit_log (at, operator, entity, action, unit_code, period_code, code, old_value, new_value)
    SELECT at, operator, 'interview', 'DELETE', (SELECT code FROM unit WHERE id = OLD.unit_id), (SELECT code FROM period WHERE id = OLD.period_id), CAST(OLD.id AS TEXT), json_object('held_on', OLD.held_on, 'attendees', OLD.attendees, 'plan', OLD.plan, 'deadline', OLD.deadline, 'status', OLD.status), NULL FROM actor;
END;

CREATE TRIGGER setting_audit_insert AFTER INSERT ON setting
BEGIN
    INSERT INTO audit_log (at, operator, entity, action, unit_code, period_code, code, old_value, new_value)
    SELECT at, operator, 'setting', 'INSERT', NULL, NULL, NEW.key, NULL, json_object('value', NEW.value) FROM actor;
END;
CREATE TRIGGER setting_audit_update AFTER UPDATE ON setting
WHEN OLD.value IS NOT NEW.value
BEGIN
    INSERT INTO audit_log (at, operator, entity, action, unit_code, period_code, code, old_value, new_value)
    SELECT at, operator, 'setting', 'UPDATE', NULL, NULL, NEW.key, json_object('value', OLD.value), json_object('value', NEW.value) FROM actor;
END;
CREATE TRIGGER setting_audit_delete AFTER DELETE ON setting
BEGIN
    INSERT INTO audit_log (at, operator, entity, action, unit_code, period_code, code, old_value, new_value)
    SELECT at, operator, 'setting', 'DELETE', NULL, NULL, OLD.key, json_object('value', OLD.value), NULL FROM actor;
END;

CREATE TRIGGER bulletin_audit_insert AFTER INSERT ON bulletin
BEGIN
    INSERT INTO audit_log (at, operator, entity, action, unit_code, period_code, code, old_value, new_value)
    SELECT at, operator, 'bulletin', 'INSERT', NULL, (SELECT code FROM period WHERE id = NEW.period_id), NEW.number, NULL,
           json_object('number', NEW.number, 'published_on', NEW.published_on, 'content_hash', NEW.content_hash) FROM actor;
END;

-- The audit log itself is append-only.
CREATE TRIGGER audit_log_frozen_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_frozen_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- The audit trail as read: every line of audit_log, and the INSERT line of every figure an import
-- brought in (who and when from its import batch, the value and note it brought), one per figure.
CREATE VIEW audit_trail AS
    SELECT id, at, operator, entity, action, unit_code, period_code, code, old_value, new_value FROM audit_log
    UNION ALL
    SELECT 0, b.at, b.operator, 'figure', 'INSERT', u.code, p.code, f.code, NULL,
           json_object('value', f.created_value, 'note', f.created_note, 'source', b.source)
    FROM figure f JOIN import_batch b ON b.id = f.created_batch JOIN unit u ON u.id = f.unit_id
    JOIN period p ON p.id = f.period_id;
