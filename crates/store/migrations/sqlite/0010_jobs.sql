-- Background work (sqlite): every outgoing mail and the reminder schedules
-- are jobs, claimed by one instance at a time. Kept equal to
-- ../postgres/0010_jobs.sql in tables and columns.
--
-- `job_key` says what a job is about (e.g. the second reminder to
-- respondent 12); being unique, two instances that find the same work due
-- at once queue it once. A claim sets `locked_by` and `lease_until`; a
-- job whose lease ran out (its instance died) is claimed again.
--
-- No data-version triggers: no page or API answer shows this table except
-- the admin's job list, which is never cached, so claiming a job must not
-- empty every tenant's cache.
CREATE TABLE jobs (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT REFERENCES tenants(id),
    kind TEXT NOT NULL,
    job_key TEXT NOT NULL UNIQUE,
    payload TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    max_attempts BIGINT NOT NULL,
    run_at TEXT NOT NULL,
    lease_until TEXT,
    locked_by TEXT,
    last_error TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX jobs_due ON jobs (status, run_at);
CREATE INDEX jobs_tenant ON jobs (tenant_id, status);
