-- Deletions (sqlite). Kept equal to ../postgres/0007_tombstones.sql in tables and columns.

-- What was deleted and when, so a reader syncing with modified_since learns of it.
CREATE TABLE tombstones (
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    entity TEXT NOT NULL,
    entity_id BIGINT NOT NULL,
    deleted_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, entity, entity_id)
);
