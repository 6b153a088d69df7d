-- Statute rules over time: the day an organisation's current notice rule
-- took effect, and the rules it replaced with theirs, so a decision is
-- checked against the rule in force on its day. A catalogue organisation's
-- earlier rules have no tenant (scope 0). Kept equal to
-- ../postgres/0020_statute_rules.sql.
ALTER TABLE organisations ADD COLUMN notice_valid_from TEXT;
CREATE TABLE statute_rules (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT REFERENCES tenants(id),
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    valid_from TEXT,
    notice_months BIGINT NOT NULL,
    written_notice BIGINT NOT NULL,
    replaced_at TEXT NOT NULL
);
CREATE INDEX statute_rules_organisation ON statute_rules (organisation_id);

CREATE TRIGGER statute_rules_version_insert AFTER INSERT ON statute_rules BEGIN INSERT INTO data_versions (scope, version) VALUES (COALESCE(NEW.tenant_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET version = version + 1; END;
CREATE TRIGGER statute_rules_version_update AFTER UPDATE ON statute_rules BEGIN INSERT INTO data_versions (scope, version) VALUES (COALESCE(NEW.tenant_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET version = version + 1; UPDATE data_versions SET version = version + 1 WHERE scope = COALESCE(OLD.tenant_id, 0) AND scope <> COALESCE(NEW.tenant_id, 0); END;
CREATE TRIGGER statute_rules_version_delete AFTER DELETE ON statute_rules BEGIN INSERT INTO data_versions (scope, version) VALUES (COALESCE(OLD.tenant_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET version = version + 1; END;
