-- The document register (diarium): documents under a case, a membership or
-- a review, each numbered under its case (the case number and a serial),
-- with direction, date, sender or recipient, type and file; a document may
-- be withheld (private_records, entity 'document') and is removed when its
-- type's retention (gallring) says so, leaving the entry with removed_at.
-- Kept equal to ../postgres/0024_documents.sql.
CREATE TABLE document_types (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    -- NULL: kept for ever (bevaras); else removed this many years after the document's date.
    keep_years BIGINT,
    created_at TEXT NOT NULL,
    UNIQUE (tenant_id, code)
);

CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    case_id BIGINT REFERENCES cases(id),
    membership_id BIGINT REFERENCES memberships(id),
    review_id BIGINT REFERENCES reviews(id),
    serial BIGINT,
    number TEXT NOT NULL,
    title TEXT NOT NULL,
    direction TEXT NOT NULL,
    dated_on TEXT NOT NULL,
    counterpart TEXT NOT NULL DEFAULT '',
    type_code TEXT NOT NULL,
    file_id BIGINT REFERENCES files(id),
    attachment_of TEXT,
    removed_at TEXT,
    removed_by TEXT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX documents_number ON documents (tenant_id, number);
CREATE INDEX documents_case ON documents (tenant_id, case_id);
CREATE TRIGGER document_types_version_insert AFTER INSERT ON document_types BEGIN INSERT INTO data_versions (scope, version) VALUES (COALESCE(NEW.tenant_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET version = version + 1; END;
CREATE TRIGGER document_types_version_update AFTER UPDATE ON document_types BEGIN INSERT INTO data_versions (scope, version) VALUES (COALESCE(NEW.tenant_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET version = version + 1; UPDATE data_versions SET version = version + 1 WHERE scope = COALESCE(OLD.tenant_id, 0) AND scope <> COALESCE(NEW.tenant_id, 0); END;
CREATE TRIGGER document_types_version_delete AFTER DELETE ON document_types BEGIN INSERT INTO data_versions (scope, version) VALUES (COALESCE(OLD.tenant_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET version = version + 1; END;
CREATE TRIGGER documents_version_insert AFTER INSERT ON documents BEGIN INSERT INTO data_versions (scope, version) VALUES (COALESCE(NEW.tenant_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET version = version + 1; END;
CREATE TRIGGER documents_version_update AFTER UPDATE ON documents BEGIN INSERT INTO data_versions (scope, version) VALUES (COALESCE(NEW.tenant_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET version = version + 1; UPDATE data_versions SET version = version + 1 WHERE scope = COALESCE(OLD.tenant_id, 0) AND scope <> COALESCE(NEW.tenant_id, 0); END;
CREATE TRIGGER documents_version_delete AFTER DELETE ON documents BEGIN INSERT INTO data_versions (scope, version) VALUES (COALESCE(OLD.tenant_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET version = version + 1; END;
