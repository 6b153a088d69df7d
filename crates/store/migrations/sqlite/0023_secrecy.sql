-- Secrecy grounds: withholding a record from public output needs a ground
-- in the Public Access to Information and Secrecy Act (OSL), who decided and
-- when. The grounds the product ships are in the core; a tenant's own
-- additions are here. Kept equal to ../postgres/0023_secrecy.sql.
ALTER TABLE private_records ADD COLUMN ground TEXT;
ALTER TABLE private_records ADD COLUMN decided_by TEXT;
ALTER TABLE private_records ADD COLUMN decided_on TEXT;

CREATE TABLE secrecy_grounds (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    reference TEXT NOT NULL,
    description TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (tenant_id, reference)
);
CREATE TRIGGER secrecy_grounds_version_insert AFTER INSERT ON secrecy_grounds BEGIN INSERT INTO data_versions (scope, version) VALUES (COALESCE(NEW.tenant_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET version = version + 1; END;
CREATE TRIGGER secrecy_grounds_version_update AFTER UPDATE ON secrecy_grounds BEGIN INSERT INTO data_versions (scope, version) VALUES (COALESCE(NEW.tenant_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET version = version + 1; UPDATE data_versions SET version = version + 1 WHERE scope = COALESCE(OLD.tenant_id, 0) AND scope <> COALESCE(NEW.tenant_id, 0); END;
CREATE TRIGGER secrecy_grounds_version_delete AFTER DELETE ON secrecy_grounds BEGIN INSERT INTO data_versions (scope, version) VALUES (COALESCE(OLD.tenant_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET version = version + 1; END;
