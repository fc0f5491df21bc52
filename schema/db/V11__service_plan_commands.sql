-- Plans become an API of their own: created with an idempotency key (a retried create returns the same plan),
-- ended with a reason (kept for the plan's history; ending also cancels its not-yet-started orders after the
-- end date), and listed per tenant newest first.
ALTER TABLE service_plan
    ADD COLUMN idempotency_key text,
    ADD COLUMN ended_reason    text,
    ADD COLUMN ended_by        text;

CREATE UNIQUE INDEX service_plan_idempotency_idx ON service_plan (tenant_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX service_plan_tenant_idx ON service_plan (tenant_id, id DESC);

-- Follow-ups listed for supervisors: all of a tenant (open or closed), most urgent first.
CREATE INDEX rating_follow_up_tenant_due_idx ON rating_follow_up (tenant_id, due_at, id);
