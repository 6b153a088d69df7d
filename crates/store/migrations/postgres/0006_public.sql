-- Public pages (postgres). Kept equal to ../sqlite/0006_public.sql in tables and columns.

-- Records a tenant keeps off its public pages and public data (everything else of the public kinds is shown).
CREATE TABLE private_records (
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    entity TEXT NOT NULL,
    entity_id BIGINT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, entity, entity_id)
);
