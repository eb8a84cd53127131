-- issue 5: wallet address allocation, donations, and the double-entry ledger.

-- Receive-address indexes (BIP-84 m/84'/coin'/0'/0/i) come from this sequence, so replicas sharing
-- one mnemonic never hand out the same address. A rolled-back transaction burns an index: harmless,
-- every replica watches all indexes up to the highest one allocated.
CREATE SEQUENCE wallet_address_index_seq MINVALUE 0 START WITH 0;

CREATE TABLE wallet_address (
    address_index INTEGER PRIMARY KEY CHECK (address_index >= 0),
    address       TEXT NOT NULL UNIQUE CHECK (length(address) BETWEEN 14 AND 90),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A donation: one fresh address, an optional requested amount and public message. No donor IP or
-- other personal data is stored.
CREATE TABLE donation (
    id              TEXT PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{22,64}$'),
    address         TEXT NOT NULL UNIQUE REFERENCES wallet_address(address),
    requested_sats  BIGINT CHECK (requested_sats IS NULL OR requested_sats BETWEEN 1 AND 2100000000000000),
    message         TEXT CHECK (message IS NULL OR length(message) BETWEEN 1 AND 200),
    status          TEXT NOT NULL CHECK (status IN ('WAITING', 'SEEN', 'CONFIRMED', 'EXPIRED')),
    received_sats   BIGINT NOT NULL DEFAULT 0 CHECK (received_sats >= 0),
    confirmed_sats  BIGINT NOT NULL DEFAULT 0 CHECK (confirmed_sats >= 0 AND confirmed_sats <= received_sats),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX donation_created_at_idx ON donation (created_at);

-- The double-entry ledger. A journal entry is one movement; its lines sum to zero (debits positive,
-- credits negative). Entries are append-only: a mistake or a reorg is undone by a reversing entry.
CREATE TABLE ledger_entry (
    id          BIGSERIAL PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('DONATION_CONFIRMED', 'REVERSAL')),
    reference   TEXT NOT NULL CHECK (length(reference) BETWEEN 1 AND 200),
    reverses_id BIGINT UNIQUE REFERENCES ledger_entry(id),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((kind = 'REVERSAL') = (reverses_id IS NOT NULL))
);

CREATE TABLE ledger_line (
    id          BIGSERIAL PRIMARY KEY,
    entry_id    BIGINT NOT NULL REFERENCES ledger_entry(id),
    account     TEXT NOT NULL CHECK (account ~ '^(wallet|donations|miner_fees|reserve|operator_payable:[0-9]{1,19})$'),
    amount_sats BIGINT NOT NULL CHECK (amount_sats <> 0 AND abs(amount_sats) <= 2100000000000000)
);
CREATE INDEX ledger_line_entry_idx ON ledger_line (entry_id);
CREATE INDEX ledger_line_account_idx ON ledger_line (account);

-- Checked at commit: every entry touched in the transaction has lines, and they sum to zero.
CREATE FUNCTION ledger_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    total BIGINT;
    n     BIGINT;
BEGIN
    SELECT COALESCE(SUM(amount_sats), 0), COUNT(*) INTO total, n FROM ledger_line WHERE entry_id = NEW.id;
    IF n < 2 OR total <> 0 THEN
        RAISE EXCEPTION 'ledger entry % is unbalanced: % lines summing to % sats', NEW.id, n, total;
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER ledger_entry_balanced AFTER INSERT ON ledger_entry
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_entry_balanced();

CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the ledger is append-only: % on % refused (post a reversing entry instead)', TG_OP, TG_TABLE_NAME;
END $$;
CREATE TRIGGER ledger_line_append_only BEFORE UPDATE OR DELETE ON ledger_line
    FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_append_only();

-- One row per output paying a donation address, as the wallet last reported it.
CREATE TABLE donation_payment (
    txid              TEXT NOT NULL CHECK (txid ~ '^[0-9a-f]{64}$'),
    vout              INTEGER NOT NULL CHECK (vout >= 0),
    donation_id       TEXT NOT NULL REFERENCES donation(id),
    amount_sats       BIGINT NOT NULL CHECK (amount_sats > 0),
    confirmations     INTEGER NOT NULL CHECK (confirmations >= 0),
    status            TEXT NOT NULL CHECK (status IN ('SEEN', 'CONFIRMED', 'GONE')),
    block_hash        TEXT CHECK (block_hash IS NULL OR block_hash ~ '^[0-9a-f]{64}$'),
    ledger_entry_id   BIGINT REFERENCES ledger_entry(id),
    first_seen_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (txid, vout),
    -- a payment counts in the ledger exactly while it is confirmed
    CHECK ((status = 'CONFIRMED') = (ledger_entry_id IS NOT NULL))
);
CREATE INDEX donation_payment_donation_idx ON donation_payment (donation_id);
