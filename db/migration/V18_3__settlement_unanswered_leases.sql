-- An agent that lets the leases whose checks went badly run out, and reports only the others, would show an uptime
-- the endpoint never had: settlement keeps how many leases each agent left unanswered, and an agent above the limit
-- takes no part (exclusion UNANSWERED).
ALTER TABLE settlement_agent_uptime ADD COLUMN unanswered_count BIGINT NOT NULL DEFAULT 0 CHECK (unanswered_count >= 0);
ALTER TABLE settlement_agent_uptime DROP CONSTRAINT settlement_agent_uptime_exclusion_check;
ALTER TABLE settlement_agent_uptime ADD CONSTRAINT settlement_agent_uptime_exclusion_check
    CHECK (exclusion IN ('NOT_ACTIVE', 'IMPAIRED', 'NO_VERDICT', 'UNANSWERED'));
