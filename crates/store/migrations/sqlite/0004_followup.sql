-- Follow-up (sqlite). Kept equal to ../postgres/0004_followup.sql in tables and columns.

-- What a decided case (or an official) orders, with its dates and evidence.
CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    case_id BIGINT REFERENCES cases(id),
    point BIGINT,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    owner TEXT NOT NULL DEFAULT '',
    owner_email TEXT,
    due_on TEXT,
    effective_on TEXT,
    status TEXT NOT NULL DEFAULT 'planned',
    done_on TEXT,
    notes TEXT NOT NULL DEFAULT '',
    reminded_on TEXT,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE action_organisations (
    action_id BIGINT NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    PRIMARY KEY (action_id, organisation_id)
);

-- Congresses, board meetings and conferences of an organisation.
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    remote BIGINT NOT NULL DEFAULT 0,
    stream_url TEXT,
    public BIGINT NOT NULL DEFAULT 1,
    notes TEXT NOT NULL DEFAULT '',
    version BIGINT NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Who went, and how they travelled (one row per leg).
CREATE TABLE journeys (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    person_id BIGINT REFERENCES persons(id),
    traveller TEXT NOT NULL,
    mode TEXT NOT NULL,
    from_place TEXT NOT NULL,
    to_place TEXT NOT NULL,
    distance_km BIGINT NOT NULL,
    created_at TEXT NOT NULL
);

-- Unguessable calendar feed links: only a hash of the token is kept.
CREATE TABLE calendar_feeds (
    token_hash TEXT PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    person_id BIGINT REFERENCES persons(id),
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE INDEX actions_tenant ON actions (tenant_id);
CREATE INDEX events_tenant ON events (tenant_id, starts_on);
CREATE INDEX journeys_event ON journeys (event_id);
