-- A version of the whole database's contents (sqlite), for the web layer's
-- response cache. Kept equal to ../postgres/0009_data_version.sql in tables
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

-- Every write to every table raises the version (SQLite has row triggers
-- only; its writers take turns, so the one row cannot deadlock them).
CREATE TRIGGER tenants_bump_insert AFTER INSERT ON tenants BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER tenants_bump_update AFTER UPDATE ON tenants BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER tenants_bump_delete AFTER DELETE ON tenants BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER users_bump_insert AFTER INSERT ON users BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER users_bump_update AFTER UPDATE ON users BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER users_bump_delete AFTER DELETE ON users BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sessions_bump_insert AFTER INSERT ON sessions BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sessions_bump_update AFTER UPDATE ON sessions BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sessions_bump_delete AFTER DELETE ON sessions BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER api_tokens_bump_insert AFTER INSERT ON api_tokens BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER api_tokens_bump_update AFTER UPDATE ON api_tokens BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER api_tokens_bump_delete AFTER DELETE ON api_tokens BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER login_failures_bump_insert AFTER INSERT ON login_failures BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER login_failures_bump_update AFTER UPDATE ON login_failures BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER login_failures_bump_delete AFTER DELETE ON login_failures BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER organisations_bump_insert AFTER INSERT ON organisations BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER organisations_bump_update AFTER UPDATE ON organisations BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER organisations_bump_delete AFTER DELETE ON organisations BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER organisation_facts_bump_insert AFTER INSERT ON organisation_facts BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER organisation_facts_bump_update AFTER UPDATE ON organisation_facts BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER organisation_facts_bump_delete AFTER DELETE ON organisation_facts BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER organisation_bodies_bump_insert AFTER INSERT ON organisation_bodies BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER organisation_bodies_bump_update AFTER UPDATE ON organisation_bodies BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER organisation_bodies_bump_delete AFTER DELETE ON organisation_bodies BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER organisation_relations_bump_insert AFTER INSERT ON organisation_relations BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER organisation_relations_bump_update AFTER UPDATE ON organisation_relations BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER organisation_relations_bump_delete AFTER DELETE ON organisation_relations BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER organisation_notes_bump_insert AFTER INSERT ON organisation_notes BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER organisation_notes_bump_update AFTER UPDATE ON organisation_notes BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER organisation_notes_bump_delete AFTER DELETE ON organisation_notes BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER bodies_bump_insert AFTER INSERT ON bodies BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER bodies_bump_update AFTER UPDATE ON bodies BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER bodies_bump_delete AFTER DELETE ON bodies BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER persons_bump_insert AFTER INSERT ON persons BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER persons_bump_update AFTER UPDATE ON persons BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER persons_bump_delete AFTER DELETE ON persons BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER memberships_bump_insert AFTER INSERT ON memberships BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER memberships_bump_update AFTER UPDATE ON memberships BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER memberships_bump_delete AFTER DELETE ON memberships BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER seats_bump_insert AFTER INSERT ON seats BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER seats_bump_update AFTER UPDATE ON seats BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER seats_bump_delete AFTER DELETE ON seats BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER audit_log_bump_insert AFTER INSERT ON audit_log BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER audit_log_bump_update AFTER UPDATE ON audit_log BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER audit_log_bump_delete AFTER DELETE ON audit_log BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER strategies_bump_insert AFTER INSERT ON strategies BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER strategies_bump_update AFTER UPDATE ON strategies BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER strategies_bump_delete AFTER DELETE ON strategies BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER reviews_bump_insert AFTER INSERT ON reviews BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER reviews_bump_update AFTER UPDATE ON reviews BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER reviews_bump_delete AFTER DELETE ON reviews BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER review_memberships_bump_insert AFTER INSERT ON review_memberships BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER review_memberships_bump_update AFTER UPDATE ON review_memberships BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER review_memberships_bump_delete AFTER DELETE ON review_memberships BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER questions_bump_insert AFTER INSERT ON questions BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER questions_bump_update AFTER UPDATE ON questions BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER questions_bump_delete AFTER DELETE ON questions BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER respondents_bump_insert AFTER INSERT ON respondents BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER respondents_bump_update AFTER UPDATE ON respondents BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER respondents_bump_delete AFTER DELETE ON respondents BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER respondent_memberships_bump_insert AFTER INSERT ON respondent_memberships BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER respondent_memberships_bump_update AFTER UPDATE ON respondent_memberships BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER respondent_memberships_bump_delete AFTER DELETE ON respondent_memberships BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER respondent_links_bump_insert AFTER INSERT ON respondent_links BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER respondent_links_bump_update AFTER UPDATE ON respondent_links BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER respondent_links_bump_delete AFTER DELETE ON respondent_links BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER ballots_bump_insert AFTER INSERT ON ballots BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER ballots_bump_update AFTER UPDATE ON ballots BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER ballots_bump_delete AFTER DELETE ON ballots BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER answers_bump_insert AFTER INSERT ON answers BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER answers_bump_update AFTER UPDATE ON answers BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER answers_bump_delete AFTER DELETE ON answers BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER mail_messages_bump_insert AFTER INSERT ON mail_messages BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER mail_messages_bump_update AFTER UPDATE ON mail_messages BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER mail_messages_bump_delete AFTER DELETE ON mail_messages BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER tenant_settings_bump_insert AFTER INSERT ON tenant_settings BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER tenant_settings_bump_update AFTER UPDATE ON tenant_settings BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER tenant_settings_bump_delete AFTER DELETE ON tenant_settings BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER cases_bump_insert AFTER INSERT ON cases BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER cases_bump_update AFTER UPDATE ON cases BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER cases_bump_delete AFTER DELETE ON cases BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER case_memberships_bump_insert AFTER INSERT ON case_memberships BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER case_memberships_bump_update AFTER UPDATE ON case_memberships BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER case_memberships_bump_delete AFTER DELETE ON case_memberships BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER case_positions_bump_insert AFTER INSERT ON case_positions BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER case_positions_bump_update AFTER UPDATE ON case_positions BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER case_positions_bump_delete AFTER DELETE ON case_positions BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER case_decisions_bump_insert AFTER INSERT ON case_decisions BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER case_decisions_bump_update AFTER UPDATE ON case_decisions BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER case_decisions_bump_delete AFTER DELETE ON case_decisions BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER files_bump_insert AFTER INSERT ON files BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER files_bump_update AFTER UPDATE ON files BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER files_bump_delete AFTER DELETE ON files BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER actions_bump_insert AFTER INSERT ON actions BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER actions_bump_update AFTER UPDATE ON actions BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER actions_bump_delete AFTER DELETE ON actions BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER action_organisations_bump_insert AFTER INSERT ON action_organisations BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER action_organisations_bump_update AFTER UPDATE ON action_organisations BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER action_organisations_bump_delete AFTER DELETE ON action_organisations BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER events_bump_insert AFTER INSERT ON events BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER events_bump_update AFTER UPDATE ON events BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER events_bump_delete AFTER DELETE ON events BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER journeys_bump_insert AFTER INSERT ON journeys BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER journeys_bump_update AFTER UPDATE ON journeys BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER journeys_bump_delete AFTER DELETE ON journeys BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER calendar_feeds_bump_insert AFTER INSERT ON calendar_feeds BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER calendar_feeds_bump_update AFTER UPDATE ON calendar_feeds BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER calendar_feeds_bump_delete AFTER DELETE ON calendar_feeds BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER intake_requests_bump_insert AFTER INSERT ON intake_requests BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER intake_requests_bump_update AFTER UPDATE ON intake_requests BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER intake_requests_bump_delete AFTER DELETE ON intake_requests BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER outcome_reports_bump_insert AFTER INSERT ON outcome_reports BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER outcome_reports_bump_update AFTER UPDATE ON outcome_reports BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER outcome_reports_bump_delete AFTER DELETE ON outcome_reports BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER private_records_bump_insert AFTER INSERT ON private_records BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER private_records_bump_update AFTER UPDATE ON private_records BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER private_records_bump_delete AFTER DELETE ON private_records BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER tombstones_bump_insert AFTER INSERT ON tombstones BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER tombstones_bump_update AFTER UPDATE ON tombstones BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER tombstones_bump_delete AFTER DELETE ON tombstones BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER recommendation_overrides_bump_insert AFTER INSERT ON recommendation_overrides BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER recommendation_overrides_bump_update AFTER UPDATE ON recommendation_overrides BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER recommendation_overrides_bump_delete AFTER DELETE ON recommendation_overrides BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
