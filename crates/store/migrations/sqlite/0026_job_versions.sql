-- The job queue's own version per tenant (sqlite), so that the admin's
-- list of outgoing mail can be kept between writes like every other page.
-- Kept equal to ../postgres/0026_job_versions.sql in what it versions.
--
-- A tenant's queue is scope -tenant_id in data_versions. No stamp of a
-- tenant's pages reads a negative scope, so claiming or finishing a job
-- still leaves every cached page alone (migration 0010's reason for having
-- no triggers). Jobs without a tenant show on no page and raise nothing.
CREATE TRIGGER jobs_version_insert AFTER INSERT ON jobs WHEN NEW.tenant_id IS NOT NULL BEGIN INSERT INTO data_versions (scope, version) VALUES (-NEW.tenant_id, 1) ON CONFLICT (scope) DO UPDATE SET version = version + 1; END;
CREATE TRIGGER jobs_version_update AFTER UPDATE ON jobs WHEN NEW.tenant_id IS NOT NULL OR OLD.tenant_id IS NOT NULL BEGIN INSERT INTO data_versions (scope, version) SELECT -NEW.tenant_id, 1 WHERE NEW.tenant_id IS NOT NULL ON CONFLICT (scope) DO UPDATE SET version = version + 1; UPDATE data_versions SET version = version + 1 WHERE scope = -OLD.tenant_id AND OLD.tenant_id IS NOT NEW.tenant_id; END;
CREATE TRIGGER jobs_version_delete AFTER DELETE ON jobs WHEN OLD.tenant_id IS NOT NULL BEGIN INSERT INTO data_versions (scope, version) VALUES (-OLD.tenant_id, 1) ON CONFLICT (scope) DO UPDATE SET version = version + 1; END;
