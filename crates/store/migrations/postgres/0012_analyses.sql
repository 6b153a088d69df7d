-- A review's analysis as last computed (postgres), shared by every instance:
-- the SMAA and bootstrap take tens of milliseconds, and the answer only
-- changes with the tenant's data (or the catalogue's). Kept equal to
-- ../sqlite/0012_analyses.sql in tables and columns.
--
-- A row is good while the tenant's stamp (the shared and own versions of
-- migration 0011, read before the inputs were) and the day are those of
-- the request. No version triggers: it is derived from what the versions
-- already cover, and writing it must not make itself stale.
CREATE TABLE analyses (
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    review_id BIGINT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    shared_version BIGINT NOT NULL,
    own_version BIGINT NOT NULL,
    day TEXT NOT NULL,
    result TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, review_id)
);
