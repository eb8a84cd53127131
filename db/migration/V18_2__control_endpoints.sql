-- Control endpoints: endpoints admins know to be up, mixed unannounced into every region's agent leases. An agent
-- that reports a control DOWN while the central monitor finds it UP is impaired for that time: agent_impairment
-- keeps the span (the agent's interval either side of that check), and the agent's DOWNs inside it count as UNKNOWN.
CREATE TABLE control_endpoint (
    endpoint_id BIGINT      PRIMARY KEY REFERENCES endpoint (id) ON DELETE CASCADE,
    marked_at   TIMESTAMPTZ NOT NULL,
    marked_by   TEXT        NOT NULL CHECK (length(marked_by) BETWEEN 1 AND 100)
);

CREATE TABLE agent_impairment (
    lease_id    BIGINT      PRIMARY KEY REFERENCES agent_lease (id) ON DELETE CASCADE,
    agent_id    BIGINT      NOT NULL REFERENCES agent (id),
    endpoint_id BIGINT      NOT NULL,
    starts_at   TIMESTAMPTZ NOT NULL,
    ends_at     TIMESTAMPTZ NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX agent_impairment_agent ON agent_impairment (agent_id, starts_at);

-- The DOWNs of an agent that fell inside its impairment spans, kept with the settlement's per-agent figures.
ALTER TABLE settlement_agent_uptime ADD COLUMN impaired_down_count BIGINT NOT NULL DEFAULT 0 CHECK (impaired_down_count >= 0);
