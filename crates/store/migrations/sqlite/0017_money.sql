-- Money in kronor: annual exchange rates that replace the shipped ones
-- (shared by all tenants, like the catalogue, so they raise scope 0), and
-- the invoices of a membership with the budget year each is charged to.
-- Kept equal to ../postgres/0017_money.sql.
CREATE TABLE exchange_rates (
    currency TEXT NOT NULL,
    year BIGINT NOT NULL,
    -- Millionths of a krona per unit of the currency.
    micro BIGINT NOT NULL CHECK (micro > 0),
    source TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    PRIMARY KEY (currency, year)
);

CREATE TABLE invoices (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    membership_id BIGINT NOT NULL REFERENCES memberships(id),
    invoice_date TEXT NOT NULL,
    budget_year BIGINT NOT NULL,
    amount_minor BIGINT NOT NULL,
    currency TEXT NOT NULL,
    paid_on TEXT,
    reference TEXT,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX invoices_membership ON invoices (tenant_id, membership_id);

CREATE TRIGGER exchange_rates_version_insert AFTER INSERT ON exchange_rates BEGIN INSERT INTO data_versions (scope, version) VALUES (0, 1) ON CONFLICT (scope) DO UPDATE SET version = version + 1; END;
CREATE TRIGGER exchange_rates_version_update AFTER UPDATE ON exchange_rates BEGIN INSERT INTO data_versions (scope, version) VALUES (0, 1) ON CONFLICT (scope) DO UPDATE SET version = version + 1; END;
CREATE TRIGGER exchange_rates_version_delete AFTER DELETE ON exchange_rates BEGIN INSERT INTO data_versions (scope, version) VALUES (0, 1) ON CONFLICT (scope) DO UPDATE SET version = version + 1; END;
CREATE TRIGGER invoices_version_insert AFTER INSERT ON invoices BEGIN INSERT INTO data_versions (scope, version) VALUES (COALESCE(NEW.tenant_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET version = version + 1; END;
CREATE TRIGGER invoices_version_update AFTER UPDATE ON invoices BEGIN INSERT INTO data_versions (scope, version) VALUES (COALESCE(NEW.tenant_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET version = version + 1; UPDATE data_versions SET version = version + 1 WHERE scope = COALESCE(OLD.tenant_id, 0) AND scope <> COALESCE(NEW.tenant_id, 0); END;
CREATE TRIGGER invoices_version_delete AFTER DELETE ON invoices BEGIN INSERT INTO data_versions (scope, version) VALUES (COALESCE(OLD.tenant_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET version = version + 1; END;
