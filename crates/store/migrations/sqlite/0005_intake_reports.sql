-- Intake and outcome reports (sqlite). Kept equal to ../postgres/0005_intake_reports.sql in tables and columns.

-- Requests for cooperation and proposals to join a network, triaged against the strategy.
CREATE TABLE intake_requests (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    title TEXT NOT NULL,
    requester TEXT NOT NULL,
    kind TEXT NOT NULL,
    organisation_name TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    scores_json TEXT NOT NULL,
    geography_reason BIGINT NOT NULL DEFAULT 0,
    triage TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    case_id BIGINT REFERENCES cases(id),
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- After an event, each participant's short report, reached by a link whose token is kept only as a hash.
CREATE TABLE outcome_reports (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    traveller TEXT NOT NULL,
    person_id BIGINT REFERENCES persons(id),
    token_hash TEXT NOT NULL UNIQUE,
    scores_json TEXT NOT NULL DEFAULT '[]',
    learned TEXT NOT NULL DEFAULT '',
    shared TEXT NOT NULL DEFAULT '',
    influenced TEXT NOT NULL DEFAULT '',
    submitted_at TEXT,
    created_at TEXT NOT NULL
);

CREATE INDEX intake_tenant ON intake_requests (tenant_id);
CREATE INDEX reports_event ON outcome_reports (tenant_id, event_id);
