-- Officials' overrides of a recommendation (sqlite). Kept equal to ../postgres/0008_overrides.sql in tables and columns.

-- Append-only: the latest row per review and membership is in force; a row
-- without a category hands the recommendation back to the analysis. Earlier
-- rows stay as the record of who decided what and why.
CREATE TABLE recommendation_overrides (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    review_id BIGINT NOT NULL REFERENCES reviews(id),
    membership_id BIGINT NOT NULL REFERENCES memberships(id),
    category TEXT,
    analysed_category TEXT NOT NULL,
    justification TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX recommendation_overrides_review ON recommendation_overrides (tenant_id, review_id, membership_id, id);
