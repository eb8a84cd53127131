-- Issue 3: each operator's payout address and the proof that they hold its key.

CREATE TABLE payout_address (
    id            BIGSERIAL PRIMARY KEY,
    account_id    BIGINT NOT NULL REFERENCES account (id),
    address       TEXT NOT NULL CHECK (length(address) BETWEEN 14 AND 100),
    address_type  TEXT NOT NULL CHECK (address_type IN ('P2PKH', 'P2SH', 'P2WPKH', 'P2WSH', 'P2TR')),
    -- The exact text the operator must sign (handle, address, nonce, time).
    challenge     TEXT NOT NULL CHECK (length(challenge) BETWEEN 20 AND 1000),
    state         TEXT NOT NULL CHECK (state IN ('UNPROVEN', 'PROVEN', 'REPLACED')),
    proof_format  TEXT CHECK (proof_format IS NULL OR proof_format IN ('BIP137', 'ELECTRUM', 'BIP322_SIMPLE')),
    signature     TEXT CHECK (signature IS NULL OR length(signature) <= 2000),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    proven_at     TIMESTAMPTZ,
    replaced_at   TIMESTAMPTZ,
    CHECK ((state = 'PROVEN') = (proven_at IS NOT NULL AND proof_format IS NOT NULL) OR state = 'REPLACED')
);
-- One current (not replaced) address per operator; a new address replaces it and needs a new proof.
CREATE UNIQUE INDEX payout_address_current_uq ON payout_address (account_id) WHERE state <> 'REPLACED';
CREATE INDEX payout_address_address_idx ON payout_address (address) WHERE state <> 'REPLACED';
