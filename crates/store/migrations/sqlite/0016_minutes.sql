-- The minutes of a decision: its paragraph (§), the day the minutes were
-- approved (justering) and the day that was posted on the notice board
-- (anslag), from which the three weeks to appeal run and the day of legal
-- force follows. Kept equal to ../postgres/0016_minutes.sql.
ALTER TABLE case_decisions ADD COLUMN paragraph TEXT;
ALTER TABLE case_decisions ADD COLUMN adjusted_on TEXT;
ALTER TABLE case_decisions ADD COLUMN published_on TEXT;
