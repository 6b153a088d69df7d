-- Decision cases (sqlite). Kept equal to ../postgres/0003_cases.sql in tables and columns.

-- Settings a tenant chooses, e.g. how its case numbers are written.
CREATE TABLE tenant_settings (
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (tenant_id, key)
);

-- The number is kept as its parts (see oversyn_core::cases::number) and
-- shown through the tenant's pattern. Route and proposal are small ordered
-- lists that change together with the case, so they are JSON; positions and
-- decisions are added by other people later and have their own tables.
CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    number_series TEXT NOT NULL DEFAULT '',
    number_year BIGINT,
    number_serial TEXT NOT NULL DEFAULT '',
    number_suffix TEXT NOT NULL DEFAULT '',
    reference TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    language TEXT NOT NULL DEFAULT 'sv',
    document_date TEXT,
    rapporteur TEXT NOT NULL DEFAULT '',
    route_json TEXT NOT NULL,
    proposal_json TEXT NOT NULL,
    matter TEXT NOT NULL DEFAULT '',
    preparation TEXT NOT NULL DEFAULT '',
    views TEXT NOT NULL DEFAULT '',
    statement TEXT NOT NULL DEFAULT '',
    review_id BIGINT REFERENCES reviews(id),
    source TEXT NOT NULL DEFAULT 'ui',
    status TEXT NOT NULL DEFAULT 'open',
    version BIGINT NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE case_memberships (
    case_id BIGINT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    membership_id BIGINT NOT NULL REFERENCES memberships(id),
    PRIMARY KEY (case_id, membership_id)
);

CREATE TABLE case_positions (
    id INTEGER PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    seq BIGINT NOT NULL,
    body TEXT NOT NULL,
    kind TEXT NOT NULL,
    persons_json TEXT NOT NULL,
    refers_to BIGINT,
    points_json TEXT NOT NULL,
    text TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (case_id, seq)
);

CREATE TABLE case_decisions (
    id INTEGER PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    adopted TEXT NOT NULL,
    decided_on TEXT NOT NULL,
    votes_for BIGINT,
    votes_against BIGINT,
    abstentions BIGINT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (case_id, body)
);

-- Documents kept with a record: the imported decision document, a notice letter.
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    owner_kind TEXT NOT NULL,
    owner_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    content BLOB NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE INDEX cases_tenant ON cases (tenant_id);
CREATE INDEX files_owner ON files (tenant_id, owner_kind, owner_id);
