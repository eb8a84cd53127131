-- An endpoint whose recorded UP + DOWN fall below proxyfund.settlement.min-coverage-bp of the checks the schedule
-- expected in the epoch is not paid: outcome LOW_COVERAGE. The checks the schedule expected and the UNKNOWN ones are
-- kept with the line, so the record shows why.
ALTER TABLE settlement_endpoint DROP CONSTRAINT settlement_endpoint_outcome_check;
ALTER TABLE settlement_endpoint ADD CONSTRAINT settlement_endpoint_outcome_check
    CHECK (outcome IN ('COUNTED', 'OPERATOR_NOT_APPROVED', 'ADDRESS_NOT_PROVEN', 'HELD', 'NO_DATA', 'LOW_COVERAGE',
                       'BELOW_THRESHOLD', 'ZERO_WEIGHT'));
ALTER TABLE settlement_endpoint ADD COLUMN unknown_count BIGINT NOT NULL DEFAULT 0 CHECK (unknown_count >= 0);
ALTER TABLE settlement_endpoint ADD COLUMN expected_count BIGINT NOT NULL DEFAULT 0 CHECK (expected_count >= 0);
