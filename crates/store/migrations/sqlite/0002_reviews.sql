-- Reviews (SQLite). Kept equal to ../postgres/0002_reviews.sql in tables and columns.

-- Each save of a tenant's strategy is a new version; a review keeps the one it ran with.
CREATE TABLE strategies (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    version BIGINT NOT NULL,
    body_json TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (tenant_id, version)
);

CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    strategy_id BIGINT NOT NULL REFERENCES strategies(id),
    title TEXT NOT NULL,
    opens_on TEXT NOT NULL,
    closes_on TEXT NOT NULL,
    anonymous BIGINT NOT NULL DEFAULT 0,
    min_group BIGINT NOT NULL DEFAULT 3,
    reminder_max BIGINT NOT NULL DEFAULT 2,
    reminder_days BIGINT NOT NULL DEFAULT 7,
    illustrative BIGINT NOT NULL DEFAULT 0,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE review_memberships (
    review_id BIGINT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    membership_id BIGINT NOT NULL REFERENCES memberships(id),
    PRIMARY KEY (review_id, membership_id)
);

CREATE TABLE questions (
    id INTEGER PRIMARY KEY,
    review_id BIGINT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    criterion TEXT,
    kind TEXT NOT NULL,
    text_sv TEXT NOT NULL,
    text_en TEXT NOT NULL
);

CREATE TABLE respondents (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    review_id BIGINT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    person_id BIGINT REFERENCES persons(id),
    name TEXT NOT NULL,
    email TEXT,
    lang TEXT NOT NULL DEFAULT 'sv',
    invited_at TEXT,
    opened_at TEXT,
    submitted_at TEXT,
    reminders_sent BIGINT NOT NULL DEFAULT 0,
    last_contact_at TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE respondent_memberships (
    respondent_id BIGINT NOT NULL REFERENCES respondents(id) ON DELETE CASCADE,
    membership_id BIGINT NOT NULL REFERENCES memberships(id),
    PRIMARY KEY (respondent_id, membership_id)
);

-- A respondent may hold several links (invitation, reminders), each stored
-- only as a hash. In anonymous reviews each link answers on its own ballot,
-- derived from the link itself, so the database holds no way from a person
-- to their answers; only submitted ballots count in the results.
CREATE TABLE respondent_links (
    token_hash TEXT PRIMARY KEY,
    respondent_id BIGINT NOT NULL REFERENCES respondents(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL
);

CREATE TABLE ballots (
    ballot TEXT PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    review_id BIGINT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    submitted_at TEXT
);

CREATE TABLE answers (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    review_id BIGINT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    ballot TEXT NOT NULL,
    -- Set only in identified reviews.
    respondent_id BIGINT REFERENCES respondents(id) ON DELETE CASCADE,
    membership_id BIGINT NOT NULL REFERENCES memberships(id),
    question_id BIGINT NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    value_int BIGINT,
    value_text TEXT,
    updated_at TEXT NOT NULL,
    UNIQUE (ballot, membership_id, question_id)
);
CREATE INDEX answers_review ON answers (review_id);

CREATE TABLE mail_messages (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    review_id BIGINT REFERENCES reviews(id) ON DELETE CASCADE,
    respondent_id BIGINT REFERENCES respondents(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    to_addr TEXT NOT NULL,
    subject TEXT NOT NULL,
    status TEXT NOT NULL,
    error TEXT,
    created_at TEXT NOT NULL,
    sent_at TEXT
);
