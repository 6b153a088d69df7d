-- People over time: a person's terms of office (the body, the role such as
-- borgarråd, ledamot or ersättare, from and to, and whether the term was on
-- the majority's or the opposition's side), so a page about a past day
-- shows the side that held then; and a seat's appointing decision and
-- deputy. Kept equal to ../postgres/0019_terms.sql.
CREATE TABLE person_terms (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    person_id BIGINT NOT NULL REFERENCES persons(id),
    body TEXT NOT NULL,
    role TEXT NOT NULL,
    from_on TEXT NOT NULL,
    to_on TEXT,
    side TEXT,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX person_terms_person ON person_terms (tenant_id, person_id);

ALTER TABLE seats ADD COLUMN appointed_by TEXT;
ALTER TABLE seats ADD COLUMN deputy_person_id BIGINT REFERENCES persons(id);

CREATE TRIGGER person_terms_version_insert AFTER INSERT ON person_terms BEGIN INSERT INTO data_versions (scope, version) VALUES (COALESCE(NEW.tenant_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET version = version + 1; END;
CREATE TRIGGER person_terms_version_update AFTER UPDATE ON person_terms BEGIN INSERT INTO data_versions (scope, version) VALUES (COALESCE(NEW.tenant_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET version = version + 1; UPDATE data_versions SET version = version + 1 WHERE scope = COALESCE(OLD.tenant_id, 0) AND scope <> COALESCE(NEW.tenant_id, 0); END;
CREATE TRIGGER person_terms_version_delete AFTER DELETE ON person_terms BEGIN INSERT INTO data_versions (scope, version) VALUES (COALESCE(OLD.tenant_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET version = version + 1; END;
