-- City figures (全市数): the city's own total of an input that is summed over the units, by period
-- and code, as the city's statistics report it. Data entry checks the units' sum against it
-- (window.md, 数据录入). value NULL = explicitly unknown. Audited like target; unit_code is NULL.
CREATE TABLE city_figure (
    period_id  INTEGER NOT NULL REFERENCES period (id) ON DELETE RESTRICT,
    code       TEXT    NOT NULL CHECK (length(code) > 0),
    value      REAL,
    note       TEXT    NOT NULL DEFAULT '',
    source     TEXT    NOT NULL DEFAULT '',
    operator   TEXT    NOT NULL,
    changed_at TEXT    NOT NULL,
    PRIMARY KEY (period_id, code)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER city_figure_audit_insert AFTER INSERT ON city_figure
BEGIN
    INSERT INTO audit_log (at, operator, entity, action, unit_code, period_code, code, old_value, new_value)
    SELECT at, operator, 'city_figure', 'INSERT', NULL, (SELECT code FROM period WHERE id = NEW.period_id), NEW.code, NULL, json_object('value', NEW.value, 'note', NEW.note, 'source', NEW.source) FROM actor;
END;
CREATE TRIGGER city_figure_audit_update AFTER UPDATE ON city_figure
WHEN OLD.value IS NOT NEW.value OR OLD.note IS NOT NEW.note OR OLD.source IS NOT NEW.source
BEGIN
    INSERT INTO audit_log (at, operator, entity, action, unit_code, period_code, code, old_value, new_value)
    SELECT at, operator, 'city_figure', 'UPDATE', NULL, (SELECT code FROM period WHERE id = NEW.period_id), NEW.code, json_object('value', OLD.value, 'note', OLD.note, 'source', OLD.source), json_object('value', NEW.value, 'note', NEW.note, 'source', NEW.source) FROM actor;
END;
CREATE TRIGGER city_figure_audit_delete AFTER DELETE ON city_figure
BEGIN
    INSERT INTO audit_log (at, operator, entity, action, unit_code, period_code, code, old_value, new_value)
    SELECT at, operator, 'city_figure', 'DELETE', NULL, (SELECT code FROM period WHERE id = OLD.period_id), OLD.code, json_object('value', OLD.value, 'note', OLD.note, 'source', OLD.source), NULL FROM actor;
END;
