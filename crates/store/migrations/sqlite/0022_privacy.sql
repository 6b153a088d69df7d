-- Privacy (sqlite): respondents' identities are removed once a review no
-- longer needs them, and a person's data can be erased where the law
-- allows. Kept equal to ../postgres/0022_privacy.sql in tables and columns.
--
-- A respondent whose identity was removed keeps the group their answers
-- counted in (a side, or officials), so the results do not change.
ALTER TABLE respondents ADD COLUMN result_group TEXT;
ALTER TABLE respondents ADD COLUMN identity_removed_at TEXT;

-- The audit log stays append-only with one exception: the personal data in
-- an entry's before and after may be removed, once, when the person's data
-- is erased. Who acted, when, on which record and how stay as they were.
ALTER TABLE audit_log ADD COLUMN redacted_at TEXT;
DROP TRIGGER audit_log_no_update;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT (
    OLD.redacted_at IS NULL AND NEW.redacted_at IS NOT NULL
    AND NEW.id = OLD.id AND NEW.tenant_id IS OLD.tenant_id
    AND NEW.actor = OLD.actor AND NEW.actor_user_id IS OLD.actor_user_id
    AND NEW.at = OLD.at AND NEW.entity = OLD.entity
    AND NEW.entity_id = OLD.entity_id AND NEW.action = OLD.action
)
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- A party is a political opinion (GDPR art. 9): kept for politicians only.
UPDATE persons SET party = NULL WHERE kind <> 'politician' AND party IS NOT NULL;
