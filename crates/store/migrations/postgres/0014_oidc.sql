-- Single sign-on per tenant with OpenID Connect: the provider a tenant
-- trusts and how its groups give roles; the sign-ins under way (state,
-- nonce and PKCE verifier, kept in the database so any instance can take
-- the provider's answer); the provider's subject on users it created; the
-- ID token of a session, for the provider's logout. Kept equal to
-- ../sqlite/0014_oidc.sql.
CREATE TABLE tenant_oidc (
    tenant_id BIGINT PRIMARY KEY REFERENCES tenants(id),
    issuer TEXT NOT NULL,
    client_id TEXT NOT NULL,
    -- The secret itself (read from a file once) or the name of the
    -- environment variable every instance reads it from; never shown.
    client_secret TEXT,
    client_secret_env TEXT,
    role_claim TEXT NOT NULL,
    admin_group TEXT,
    editor_group TEXT,
    politician_group TEXT,
    viewer_group TEXT,
    passwords_off BIGINT NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
);

CREATE TABLE oidc_pending (
    state_hash TEXT PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    browser_hash TEXT NOT NULL,
    nonce TEXT NOT NULL,
    pkce_verifier TEXT NOT NULL,
    next_path TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

ALTER TABLE users ADD COLUMN oidc_subject TEXT;
CREATE UNIQUE INDEX users_oidc_subject ON users (tenant_id, oidc_subject);
ALTER TABLE sessions ADD COLUMN id_token TEXT;

CREATE CONSTRAINT TRIGGER tenant_oidc_version AFTER INSERT OR UPDATE OR DELETE ON tenant_oidc DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_tenant();
CREATE TRIGGER tenant_oidc_version_truncate AFTER TRUNCATE ON tenant_oidc FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
