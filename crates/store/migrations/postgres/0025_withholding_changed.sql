-- When a tenant last withheld or released a document or a membership: the
-- OParl Body's notice of withheld records changes then, and so does its
-- `modified`. Kept as a tenant setting written with each withholding;
-- here filled in from the audit log for what was withheld before.
INSERT INTO tenant_settings (tenant_id, key, value)
SELECT tenant_id, 'withholding_changed', MAX(at)
FROM audit_log
WHERE action IN ('withhold', 'release')
  AND entity IN ('document', 'membership')
  AND tenant_id IS NOT NULL
GROUP BY tenant_id;
