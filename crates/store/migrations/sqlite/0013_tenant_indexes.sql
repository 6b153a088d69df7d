-- Indexes for per-tenant reads that scanned their whole table (sqlite); the
-- national data set (300 tenants) made them show in the route sweep
-- (scripts/load.sh sweep: the events page and the calendar read every
-- tenant's journeys). Kept equal to ../postgres/0013_tenant_indexes.sql.
CREATE INDEX journeys_tenant ON journeys (tenant_id, id);
CREATE INDEX strategies_tenant ON strategies (tenant_id);
CREATE INDEX private_records_tenant ON private_records (tenant_id);
CREATE INDEX tombstones_tenant ON tombstones (tenant_id);
CREATE INDEX calendar_feeds_tenant ON calendar_feeds (tenant_id);
