-- Foundation schema (SQLite). Kept column-for-column equal to
-- ../postgres/0001_foundation.sql; a test compares the two.
-- Timestamps are UTC text (RFC 3339), dates ISO text, money integer minor units.

CREATE TABLE tenants (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    email TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    platform_admin BIGINT NOT NULL DEFAULT 0,
    must_change_password BIGINT NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    UNIQUE (tenant_id, email)
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    label TEXT,
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT
);

CREATE TABLE login_failures (
    id INTEGER PRIMARY KEY,
    login_key TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX login_failures_key ON login_failures (login_key, at);

CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT REFERENCES tenants(id),
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    acronym TEXT,
    aliases TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,
    headquarters TEXT,
    founded BIGINT,
    website TEXT,
    themes TEXT NOT NULL DEFAULT '',
    notice_months BIGINT,
    written_notice BIGINT NOT NULL DEFAULT 0,
    fee_basis TEXT,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX organisations_slug ON organisations (COALESCE(tenant_id, 0), slug);

CREATE TABLE organisation_facts (
    id INTEGER PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    topic TEXT NOT NULL,
    text TEXT NOT NULL,
    source TEXT NOT NULL,
    as_of TEXT NOT NULL
);

CREATE TABLE organisation_bodies (
    id INTEGER PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    cadence TEXT NOT NULL
);

CREATE TABLE organisation_relations (
    id INTEGER PRIMARY KEY,
    from_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    to_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    source TEXT,
    UNIQUE (from_id, to_id, kind)
);

CREATE TABLE organisation_notes (
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    organisation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    notes TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, organisation_id)
);

CREATE TABLE bodies (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    abbreviation TEXT,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE persons (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    party TEXT,
    side TEXT,
    department TEXT,
    email TEXT,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE memberships (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    body_id BIGINT NOT NULL REFERENCES bodies(id),
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    mtype TEXT NOT NULL,
    status TEXT NOT NULL,
    since TEXT,
    until TEXT,
    fee_kind TEXT NOT NULL,
    fee_minor BIGINT,
    fee_currency TEXT,
    fee_year BIGINT,
    fee_illustrative BIGINT NOT NULL DEFAULT 0,
    contact_person_id BIGINT REFERENCES persons(id),
    notes TEXT,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX memberships_tenant ON memberships (tenant_id);

CREATE TABLE seats (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    person_id BIGINT REFERENCES persons(id),
    kind TEXT NOT NULL,
    org_body TEXT NOT NULL,
    title TEXT,
    from_date TEXT,
    until_date TEXT,
    notes TEXT,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX seats_tenant ON seats (tenant_id);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT REFERENCES tenants(id),
    actor TEXT NOT NULL,
    actor_user_id BIGINT,
    at TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id BIGINT NOT NULL,
    action TEXT NOT NULL,
    before_json TEXT,
    after_json TEXT
);
CREATE INDEX audit_log_record ON audit_log (tenant_id, entity, entity_id);

-- The audit log is append-only: the database itself refuses changes.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
