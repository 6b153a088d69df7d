-- A version of the whole database's contents (postgres), for the web layer's
-- response cache. Kept equal to ../sqlite/0009_data_version.sql in tables
-- and columns.
--
-- Why triggers and not a bump in the store's code: every write from any
-- process (this server, a second one, the CLI, a restore) must change the
-- version in the same transaction as the data, or a cached page could
-- outlive the change it shows. A trigger on every table cannot be forgotten
-- by a new write path; a storage test checks that every table has one.
CREATE TABLE data_version (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO data_version (id, version) VALUES (1, 0);

-- Indexes for the reads every page makes per tenant or review; without
-- them each read scans the table, which the national data set (300
-- tenants) makes slow.
CREATE INDEX persons_tenant ON persons (tenant_id);
CREATE INDEX bodies_tenant ON bodies (tenant_id);
CREATE INDEX organisations_tenant ON organisations (tenant_id);
CREATE INDEX reviews_tenant ON reviews (tenant_id);
CREATE INDEX questions_review ON questions (review_id);
CREATE INDEX respondents_review ON respondents (tenant_id, review_id);
CREATE INDEX ballots_review ON ballots (tenant_id, review_id);
CREATE INDEX respondent_links_respondent ON respondent_links (respondent_id);
CREATE INDEX organisation_facts_organisation ON organisation_facts (organisation_id);
CREATE INDEX organisation_relations_to ON organisation_relations (to_id);
CREATE INDEX mail_messages_review ON mail_messages (tenant_id, review_id);
CREATE INDEX sessions_user ON sessions (user_id);

-- Bumps once per transaction, at commit: the triggers are deferred, so the
-- one row is locked only while the transaction commits. Taken earlier, it
-- could deadlock two writers that then wait for each other's rows.
CREATE FUNCTION data_version_bump() RETURNS trigger AS $$
BEGIN
    IF current_setting('oversyn.version_bumped', true) IS DISTINCT FROM 'yes' THEN
        UPDATE data_version SET version = version + 1 WHERE id = 1;
        -- Transaction-local: the next transaction bumps again.
        PERFORM set_config('oversyn.version_bumped', 'yes', true);
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

-- TRUNCATE fires no row trigger; a statement trigger bumps for it.
CREATE FUNCTION data_version_bump_now() RETURNS trigger AS $$
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

DO $$
DECLARE
    t record;
BEGIN
    FOR t IN
        SELECT tablename FROM pg_tables
        WHERE schemaname = current_schema()
          AND tablename <> 'data_version'
          AND tablename NOT LIKE '\_sqlx%'
    LOOP
        EXECUTE format(
            'CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump()',
            t.tablename || '_bump', t.tablename);
        EXECUTE format(
            'CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_now()',
            t.tablename || '_bump_truncate', t.tablename);
    END LOOP;
END
$$;
