-- Decisions of every kind: a body that refers a case back (återremiss) or
-- tables it (bordläggning) decides on it again later, so one body may have
-- several decisions on a case; members absent from the vote; each member's
-- vote (a roll call, as JSON). Kept equal to ../postgres/0018_decision_kinds.sql.
--
-- SQLite cannot drop a UNIQUE constraint, so the table is rebuilt with the
-- columns in PostgreSQL's order, and its version triggers made again.
CREATE TABLE case_decisions_new (
    id INTEGER PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    adopted TEXT NOT NULL,
    decided_on TEXT NOT NULL,
    votes_for BIGINT,
    votes_against BIGINT,
    abstentions BIGINT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    date_illustrative BIGINT NOT NULL DEFAULT 0,
    paragraph TEXT,
    adjusted_on TEXT,
    published_on TEXT,
    kind TEXT NOT NULL DEFAULT 'adopted',
    absent BIGINT,
    roll_call TEXT
);
INSERT INTO case_decisions_new (id, case_id, body, adopted, decided_on, votes_for, votes_against, abstentions,
    created_by, created_at, date_illustrative, paragraph, adjusted_on, published_on)
SELECT id, case_id, body, adopted, decided_on, votes_for, votes_against, abstentions,
    created_by, created_at, date_illustrative, paragraph, adjusted_on, published_on
FROM case_decisions;
DROP TABLE case_decisions;
ALTER TABLE case_decisions_new RENAME TO case_decisions;
CREATE INDEX case_decisions_case ON case_decisions (case_id);

CREATE TRIGGER case_decisions_version_insert AFTER INSERT ON case_decisions BEGIN INSERT INTO data_versions (scope, version) VALUES (COALESCE((SELECT tenant_id FROM cases WHERE id = NEW.case_id), 0), 1) ON CONFLICT (scope) DO UPDATE SET version = version + 1; END;
CREATE TRIGGER case_decisions_version_update AFTER UPDATE ON case_decisions BEGIN INSERT INTO data_versions (scope, version) VALUES (COALESCE((SELECT tenant_id FROM cases WHERE id = NEW.case_id), 0), 1) ON CONFLICT (scope) DO UPDATE SET version = version + 1; UPDATE data_versions SET version = version + 1 WHERE scope = COALESCE((SELECT tenant_id FROM cases WHERE id = OLD.case_id), 0) AND scope <> COALESCE((SELECT tenant_id FROM cases WHERE id = NEW.case_id), 0); END;
CREATE TRIGGER case_decisions_version_delete AFTER DELETE ON case_decisions BEGIN INSERT INTO data_versions (scope, version) VALUES (COALESCE((SELECT tenant_id FROM cases WHERE id = OLD.case_id), 0), 1) ON CONFLICT (scope) DO UPDATE SET version = version + 1; END;

-- Motions (yrkanden) are seconded by others; who, as JSON like persons_json.
ALTER TABLE case_positions ADD COLUMN seconded_by_json TEXT;
