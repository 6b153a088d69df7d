-- The job queue's own version per tenant (postgres), so that the admin's
-- list of outgoing mail can be kept between writes like every other page.
-- Kept equal to ../sqlite/0026_job_versions.sql in what it versions.
--
-- A tenant's queue is scope -tenant_id in data_versions. No stamp of a
-- tenant's pages reads a negative scope, so claiming or finishing a job
-- still leaves every cached page alone (migration 0010's reason for having
-- no triggers). Jobs without a tenant show on no page and raise nothing.

-- A setting's name may not hold a minus sign: negative scopes are marked
-- as "m" and their number.
CREATE OR REPLACE FUNCTION data_version_bump_scope(s BIGINT) RETURNS void AS $$
DECLARE
    mark TEXT := 'oversyn.bumped_' || replace(s::text, '-', 'm');
BEGIN
    IF current_setting(mark, true) IS DISTINCT FROM 'yes' THEN
        INSERT INTO data_versions (scope, version) VALUES (s, 1)
            ON CONFLICT (scope) DO UPDATE SET version = data_versions.version + 1;
        -- Transaction-local: the next transaction bumps again.
        PERFORM set_config(mark, 'yes', true);
    END IF;
END
$$ LANGUAGE plpgsql;

-- NEW is unset on a delete and OLD on an insert, so each is read only
-- where the operation has it.
CREATE FUNCTION data_version_bump_jobs() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        IF OLD.tenant_id IS NOT NULL THEN
            PERFORM data_version_bump_scope(-OLD.tenant_id);
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        IF NEW.tenant_id IS NOT NULL THEN
            PERFORM data_version_bump_scope(-NEW.tenant_id);
        END IF;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER jobs_version AFTER INSERT OR UPDATE OR DELETE ON jobs DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_jobs();
CREATE TRIGGER jobs_version_truncate AFTER TRUNCATE ON jobs FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
