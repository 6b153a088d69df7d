-- Decisions of every kind: a body that refers a case back (återremiss) or
-- tables it (bordläggning) decides on it again later, so one body may have
-- several decisions on a case; members absent from the vote; each member's
-- vote (a roll call, as JSON). Kept equal to ../sqlite/0018_decision_kinds.sql.
ALTER TABLE case_decisions DROP CONSTRAINT IF EXISTS case_decisions_case_id_body_key;
ALTER TABLE case_decisions ADD COLUMN kind TEXT NOT NULL DEFAULT 'adopted';
ALTER TABLE case_decisions ADD COLUMN absent BIGINT;
ALTER TABLE case_decisions ADD COLUMN roll_call TEXT;
CREATE INDEX case_decisions_case ON case_decisions (case_id);

-- Motions (yrkanden) are seconded by others; who, as JSON like persons_json.
ALTER TABLE case_positions ADD COLUMN seconded_by_json TEXT;
