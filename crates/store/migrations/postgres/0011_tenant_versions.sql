-- Versions per tenant (postgres), so that a write in one tenant leaves every
-- other tenant's cached pages and sessions alone. Kept equal to
-- ../sqlite/0011_tenant_versions.sql in tables and columns.
--
-- A scope is a tenant's id, or 0 for what all tenants share: the
-- catalogue's organisations (tenant_id NULL) and their facts, and any row
-- whose tenant cannot be found any more (its parent was deleted in the
-- same transaction). A tenant's page is remembered with the versions of
-- its own scope and of scope 0, so a bump of 0 is safe for everyone.
--
-- Tables without a tenant column find it through their parent (a session
-- through its user, a question through its review). The login failures
-- and the job queue carry no version: no cached page shows them, and a
-- stranger's wrong password must not empty every tenant's cache.
CREATE TABLE data_versions (
    scope BIGINT PRIMARY KEY,
    version BIGINT NOT NULL
);
-- Start above every version handed out so far, so an ETag is never reused.
INSERT INTO data_versions (scope, version) SELECT 0, version FROM data_version;
INSERT INTO data_versions (scope, version) SELECT t.id, v.version FROM tenants t CROSS JOIN data_version v;


-- The single version's triggers give way to the per-tenant ones.
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN
        SELECT c.relname AS tbl, g.tgname AS trg FROM pg_trigger g
        JOIN pg_class c ON c.oid = g.tgrelid
        JOIN pg_proc p ON p.oid = g.tgfoid
        WHERE p.proname IN ('data_version_bump', 'data_version_bump_now')
    LOOP
        EXECUTE format('DROP TRIGGER %I ON %I', t.trg, t.tbl);
    END LOOP;
END
$$;
DROP FUNCTION data_version_bump();
DROP FUNCTION data_version_bump_now();
DROP TABLE data_version;

-- Bumps a scope once per transaction, at commit (the row triggers are
-- deferred), so its row is locked only while the transaction commits.
-- Writers of different tenants lock different rows and never wait for
-- each other.
CREATE FUNCTION data_version_bump_scope(s BIGINT) RETURNS void AS $$
BEGIN
    IF current_setting('oversyn.bumped_' || s, true) IS DISTINCT FROM 'yes' THEN
        INSERT INTO data_versions (scope, version) VALUES (s, 1)
            ON CONFLICT (scope) DO UPDATE SET version = data_versions.version + 1;
        -- Transaction-local: the next transaction bumps again.
        PERFORM set_config('oversyn.bumped_' || s, 'yes', true);
    END IF;
END
$$ LANGUAGE plpgsql;

-- Rows with a tenant column.
CREATE FUNCTION data_version_bump_tenant() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM data_version_bump_scope(COALESCE(OLD.tenant_id, 0));
    ELSE
        PERFORM data_version_bump_scope(COALESCE(NEW.tenant_id, 0));
        IF TG_OP = 'UPDATE' THEN
            IF OLD.tenant_id IS DISTINCT FROM NEW.tenant_id THEN
                PERFORM data_version_bump_scope(COALESCE(OLD.tenant_id, 0));
            END IF;
        END IF;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

-- The tenants table: a tenant is its own scope.
CREATE FUNCTION data_version_bump_self() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM data_version_bump_scope(OLD.id);
    ELSE
        PERFORM data_version_bump_scope(NEW.id);
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

-- Rows that find their tenant through a parent: TG_ARGV[0] is the column
-- naming the parent, TG_ARGV[1] the parent's table.
CREATE FUNCTION data_version_bump_via() RETURNS trigger AS $$
DECLARE
    r jsonb;
    s BIGINT;
BEGIN
    IF TG_OP = 'DELETE' THEN
        r := to_jsonb(OLD);
    ELSE
        r := to_jsonb(NEW);
    END IF;
    EXECUTE format('SELECT tenant_id FROM %I WHERE id = $1', TG_ARGV[1])
        INTO s USING (r ->> TG_ARGV[0])::BIGINT;
    PERFORM data_version_bump_scope(COALESCE(s, 0));
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

-- TRUNCATE fires no row trigger; it bumps every scope at once.
CREATE FUNCTION data_version_bump_all() RETURNS trigger AS $$
BEGIN
    UPDATE data_versions SET version = version + 1;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER tenants_version AFTER INSERT OR UPDATE OR DELETE ON tenants DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_self();
CREATE TRIGGER tenants_version_truncate AFTER TRUNCATE ON tenants FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER users_version AFTER INSERT OR UPDATE OR DELETE ON users DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_tenant();
CREATE TRIGGER users_version_truncate AFTER TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER organisations_version AFTER INSERT OR UPDATE OR DELETE ON organisations DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_tenant();
CREATE TRIGGER organisations_version_truncate AFTER TRUNCATE ON organisations FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER organisation_notes_version AFTER INSERT OR UPDATE OR DELETE ON organisation_notes DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_tenant();
CREATE TRIGGER organisation_notes_version_truncate AFTER TRUNCATE ON organisation_notes FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER bodies_version AFTER INSERT OR UPDATE OR DELETE ON bodies DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_tenant();
CREATE TRIGGER bodies_version_truncate AFTER TRUNCATE ON bodies FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER persons_version AFTER INSERT OR UPDATE OR DELETE ON persons DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_tenant();
CREATE TRIGGER persons_version_truncate AFTER TRUNCATE ON persons FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER memberships_version AFTER INSERT OR UPDATE OR DELETE ON memberships DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_tenant();
CREATE TRIGGER memberships_version_truncate AFTER TRUNCATE ON memberships FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER seats_version AFTER INSERT OR UPDATE OR DELETE ON seats DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_tenant();
CREATE TRIGGER seats_version_truncate AFTER TRUNCATE ON seats FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER audit_log_version AFTER INSERT OR UPDATE OR DELETE ON audit_log DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_tenant();
CREATE TRIGGER audit_log_version_truncate AFTER TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER strategies_version AFTER INSERT OR UPDATE OR DELETE ON strategies DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_tenant();
CREATE TRIGGER strategies_version_truncate AFTER TRUNCATE ON strategies FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER reviews_version AFTER INSERT OR UPDATE OR DELETE ON reviews DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_tenant();
CREATE TRIGGER reviews_version_truncate AFTER TRUNCATE ON reviews FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER respondents_version AFTER INSERT OR UPDATE OR DELETE ON respondents DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_tenant();
CREATE TRIGGER respondents_version_truncate AFTER TRUNCATE ON respondents FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER ballots_version AFTER INSERT OR UPDATE OR DELETE ON ballots DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_tenant();
CREATE TRIGGER ballots_version_truncate AFTER TRUNCATE ON ballots FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER answers_version AFTER INSERT OR UPDATE OR DELETE ON answers DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_tenant();
CREATE TRIGGER answers_version_truncate AFTER TRUNCATE ON answers FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER mail_messages_version AFTER INSERT OR UPDATE OR DELETE ON mail_messages DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_tenant();
CREATE TRIGGER mail_messages_version_truncate AFTER TRUNCATE ON mail_messages FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER tenant_settings_version AFTER INSERT OR UPDATE OR DELETE ON tenant_settings DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_tenant();
CREATE TRIGGER tenant_settings_version_truncate AFTER TRUNCATE ON tenant_settings FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER cases_version AFTER INSERT OR UPDATE OR DELETE ON cases DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_tenant();
CREATE TRIGGER cases_version_truncate AFTER TRUNCATE ON cases FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER files_version AFTER INSERT OR UPDATE OR DELETE ON files DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_tenant();
CREATE TRIGGER files_version_truncate AFTER TRUNCATE ON files FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER actions_version AFTER INSERT OR UPDATE OR DELETE ON actions DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_tenant();
CREATE TRIGGER actions_version_truncate AFTER TRUNCATE ON actions FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER events_version AFTER INSERT OR UPDATE OR DELETE ON events DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_tenant();
CREATE TRIGGER events_version_truncate AFTER TRUNCATE ON events FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER journeys_version AFTER INSERT OR UPDATE OR DELETE ON journeys DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_tenant();
CREATE TRIGGER journeys_version_truncate AFTER TRUNCATE ON journeys FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER calendar_feeds_version AFTER INSERT OR UPDATE OR DELETE ON calendar_feeds DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_tenant();
CREATE TRIGGER calendar_feeds_version_truncate AFTER TRUNCATE ON calendar_feeds FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER intake_requests_version AFTER INSERT OR UPDATE OR DELETE ON intake_requests DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_tenant();
CREATE TRIGGER intake_requests_version_truncate AFTER TRUNCATE ON intake_requests FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER outcome_reports_version AFTER INSERT OR UPDATE OR DELETE ON outcome_reports DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_tenant();
CREATE TRIGGER outcome_reports_version_truncate AFTER TRUNCATE ON outcome_reports FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER private_records_version AFTER INSERT OR UPDATE OR DELETE ON private_records DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_tenant();
CREATE TRIGGER private_records_version_truncate AFTER TRUNCATE ON private_records FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER tombstones_version AFTER INSERT OR UPDATE OR DELETE ON tombstones DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_tenant();
CREATE TRIGGER tombstones_version_truncate AFTER TRUNCATE ON tombstones FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER recommendation_overrides_version AFTER INSERT OR UPDATE OR DELETE ON recommendation_overrides DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_tenant();
CREATE TRIGGER recommendation_overrides_version_truncate AFTER TRUNCATE ON recommendation_overrides FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER sessions_version AFTER INSERT OR UPDATE OR DELETE ON sessions DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_via('user_id', 'users');
CREATE TRIGGER sessions_version_truncate AFTER TRUNCATE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER api_tokens_version AFTER INSERT OR UPDATE OR DELETE ON api_tokens DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_via('user_id', 'users');
CREATE TRIGGER api_tokens_version_truncate AFTER TRUNCATE ON api_tokens FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER organisation_facts_version AFTER INSERT OR UPDATE OR DELETE ON organisation_facts DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_via('organisation_id', 'organisations');
CREATE TRIGGER organisation_facts_version_truncate AFTER TRUNCATE ON organisation_facts FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER organisation_bodies_version AFTER INSERT OR UPDATE OR DELETE ON organisation_bodies DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_via('organisation_id', 'organisations');
CREATE TRIGGER organisation_bodies_version_truncate AFTER TRUNCATE ON organisation_bodies FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER organisation_relations_version AFTER INSERT OR UPDATE OR DELETE ON organisation_relations DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_via('from_id', 'organisations');
CREATE TRIGGER organisation_relations_version_truncate AFTER TRUNCATE ON organisation_relations FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER review_memberships_version AFTER INSERT OR UPDATE OR DELETE ON review_memberships DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_via('review_id', 'reviews');
CREATE TRIGGER review_memberships_version_truncate AFTER TRUNCATE ON review_memberships FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER questions_version AFTER INSERT OR UPDATE OR DELETE ON questions DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_via('review_id', 'reviews');
CREATE TRIGGER questions_version_truncate AFTER TRUNCATE ON questions FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER respondent_memberships_version AFTER INSERT OR UPDATE OR DELETE ON respondent_memberships DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_via('respondent_id', 'respondents');
CREATE TRIGGER respondent_memberships_version_truncate AFTER TRUNCATE ON respondent_memberships FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER respondent_links_version AFTER INSERT OR UPDATE OR DELETE ON respondent_links DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_via('respondent_id', 'respondents');
CREATE TRIGGER respondent_links_version_truncate AFTER TRUNCATE ON respondent_links FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER case_memberships_version AFTER INSERT OR UPDATE OR DELETE ON case_memberships DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_via('case_id', 'cases');
CREATE TRIGGER case_memberships_version_truncate AFTER TRUNCATE ON case_memberships FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER case_positions_version AFTER INSERT OR UPDATE OR DELETE ON case_positions DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_via('case_id', 'cases');
CREATE TRIGGER case_positions_version_truncate AFTER TRUNCATE ON case_positions FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER case_decisions_version AFTER INSERT OR UPDATE OR DELETE ON case_decisions DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_via('case_id', 'cases');
CREATE TRIGGER case_decisions_version_truncate AFTER TRUNCATE ON case_decisions FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
CREATE CONSTRAINT TRIGGER action_organisations_version AFTER INSERT OR UPDATE OR DELETE ON action_organisations DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_via('action_id', 'actions');
CREATE TRIGGER action_organisations_version_truncate AFTER TRUNCATE ON action_organisations FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all();
