-- A decision date that is not from the source (the demo's two meeting
-- days): every page, API answer and document that shows it says so, and
-- a notice counted from it says so too. Kept equal to
-- ../sqlite/0015_illustrative_dates.sql.
ALTER TABLE case_decisions ADD COLUMN date_illustrative BIGINT NOT NULL DEFAULT 0;
