-- Issue 6: the persisted settlement of an epoch (inputs, rules, result), admins' holds on operators' pay,
-- and the ledger entry kinds of settlement and payout.

-- SETTLEMENT (issue 6, settlement) and PAYOUT_CONFIRMED (issue 6, payout batches, V6) are declared together here,
-- so the two branches never both rewrite this constraint. V3 left it with PostgreSQL's default name.
ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_kind_check;
ALTER TABLE ledger_entry ADD CONSTRAINT ledger_entry_kind_check
    CHECK (kind IN ('DONATION_CONFIRMED', 'REVERSAL', 'SETTLEMENT', 'PAYOUT_CONFIRMED'));

-- One row per settled epoch: the budget inputs, the rules used and the result. Written once, never updated.
CREATE TABLE settlement (
    id                BIGSERIAL PRIMARY KEY,
    epoch_key         TEXT NOT NULL UNIQUE CHECK (length(epoch_key) BETWEEN 1 AND 64),
    epoch_start       TIMESTAMPTZ NOT NULL UNIQUE,
    epoch_end         TIMESTAMPTZ NOT NULL,
    computed_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    budget_mode       TEXT NOT NULL CHECK (budget_mode IN ('FIXED', 'PERCENT')),
    budget_limit      TEXT NOT NULL CHECK (budget_limit IN ('FIXED_AMOUNT', 'PERCENT_OF_BALANCE', 'AVAILABLE_BALANCE', 'NOTHING_AVAILABLE')),
    balance_sats      BIGINT NOT NULL CHECK (balance_sats BETWEEN 0 AND 2100000000000000),
    reserve_sats      BIGINT NOT NULL CHECK (reserve_sats >= 0),
    owed_sats         BIGINT NOT NULL CHECK (owed_sats BETWEEN 0 AND 2100000000000000),
    carried_in_sats   BIGINT NOT NULL CHECK (carried_in_sats BETWEEN 0 AND 2100000000000000),
    available_sats    BIGINT NOT NULL CHECK (available_sats BETWEEN 0 AND 2100000000000000),
    asked_sats        BIGINT NOT NULL CHECK (asked_sats >= 0),
    budget_sats       BIGINT NOT NULL CHECK (budget_sats BETWEEN 0 AND 2100000000000000),
    pool_sats         BIGINT NOT NULL CHECK (pool_sats BETWEEN 0 AND 2100000000000000),
    distributed_sats  BIGINT NOT NULL CHECK (distributed_sats >= 0),
    carried_out_sats  BIGINT NOT NULL CHECK (carried_out_sats >= 0),
    -- threshold, weights, weak-evidence weight and cap as JSON text (SettlementRules)
    rules             TEXT NOT NULL CHECK (length(rules) BETWEEN 2 AND 20000),
    endpoint_count    INTEGER NOT NULL CHECK (endpoint_count >= 0),
    paid_count        INTEGER NOT NULL CHECK (paid_count >= 0),
    ledger_entry_id   BIGINT UNIQUE REFERENCES ledger_entry (id),
    CHECK (epoch_start < epoch_end),
    CHECK (budget_sats <= available_sats),
    CHECK (pool_sats = budget_sats + carried_in_sats),
    CHECK (distributed_sats + carried_out_sats = pool_sats),
    -- the ledger entry exists exactly when something was distributed
    CHECK ((distributed_sats > 0) = (ledger_entry_id IS NOT NULL))
);

-- Each endpoint that had rollups in the epoch, with its summed counts and outcome. No foreign key to endpoint:
-- the record of what was paid outlives a deleted endpoint.
CREATE TABLE settlement_endpoint (
    settlement_id  BIGINT NOT NULL REFERENCES settlement (id) ON DELETE CASCADE,
    endpoint_id    BIGINT NOT NULL,
    operator_id    BIGINT NOT NULL,
    protocol       TEXT NOT NULL CHECK (length(protocol) BETWEEN 1 AND 32),
    region         TEXT NOT NULL CHECK (length(region) <= 64),
    up_count       BIGINT NOT NULL CHECK (up_count >= 0),
    down_count     BIGINT NOT NULL CHECK (down_count >= 0),
    weak_up_count  BIGINT NOT NULL CHECK (weak_up_count >= 0 AND weak_up_count <= up_count),
    outcome        TEXT NOT NULL CHECK (outcome IN ('COUNTED', 'OPERATOR_NOT_APPROVED', 'ADDRESS_NOT_PROVEN', 'HELD',
                                                    'NO_DATA', 'BELOW_THRESHOLD', 'ZERO_WEIGHT')),
    PRIMARY KEY (settlement_id, endpoint_id)
);
CREATE INDEX settlement_endpoint_operator_idx ON settlement_endpoint (operator_id, settlement_id);

-- Each operator with an endpoint in the epoch: the amount credited to operator_payable:<id>.
CREATE TABLE settlement_share (
    settlement_id  BIGINT NOT NULL REFERENCES settlement (id) ON DELETE CASCADE,
    operator_id    BIGINT NOT NULL,
    amount_sats    BIGINT NOT NULL CHECK (amount_sats BETWEEN 0 AND 2100000000000000),
    capped         BOOLEAN NOT NULL,
    -- the operator-level reason nothing counted (not approved, address not proven, held), else null
    exclusion      TEXT CHECK (exclusion IS NULL OR exclusion IN ('OPERATOR_NOT_APPROVED', 'ADDRESS_NOT_PROVEN', 'HELD')),
    PRIMARY KEY (settlement_id, operator_id),
    CHECK (exclusion IS NULL OR amount_sats = 0)
);
CREATE INDEX settlement_share_operator_idx ON settlement_share (operator_id, settlement_id);

-- An admin's hold on an operator's pay (e.g. after a sybil flag): while open, the operator earns nothing.
CREATE TABLE operator_hold (
    id           BIGSERIAL PRIMARY KEY,
    account_id   BIGINT NOT NULL REFERENCES account (id),
    opened_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    opened_by    BIGINT NOT NULL REFERENCES account (id),
    reason       TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    released_at  TIMESTAMPTZ,
    released_by  BIGINT REFERENCES account (id),
    CHECK ((released_at IS NULL) = (released_by IS NULL)),
    CHECK (released_at IS NULL OR released_at >= opened_at)
);
-- At most one open hold per operator, so Hold twice is refused by the database too.
CREATE UNIQUE INDEX operator_hold_open_uq ON operator_hold (account_id) WHERE released_at IS NULL;
