-- A catalogue fact is in force from its date (as_of) until a later fact on
-- the same point replaces it; reports show the facts in force on their day.
-- Kept equal to the other backend's 0021_fact_valid_to.sql.
ALTER TABLE organisation_facts ADD COLUMN valid_to TEXT;

-- The Global Covenant's count at its launch, replaced by the 2026 count.
UPDATE organisation_facts SET valid_to = '2026'
 WHERE text = 'About 7,100 cities in 119 countries at the launch.';
