-- Health checks that cannot be fooled by open proxies, proxies that reach only the canary, or unverified owners:
-- three more reasons a check can be DOWN (DownReason).
ALTER TABLE check_schedule DROP CONSTRAINT check_schedule_last_reason_check;
ALTER TABLE check_schedule ADD CONSTRAINT check_schedule_last_reason_check
    CHECK (last_reason IN ('CONNECT_REFUSED', 'TIMEOUT', 'AUTH_REJECTED', 'RELAY_FAILED', 'PROTOCOL_ERROR', 'BLOCKED_TARGET',
                           'OPEN_PROXY', 'CANARY_ONLY', 'OWNERSHIP_UNVERIFIED'));
ALTER TABLE check_result DROP CONSTRAINT check_result_reason_check;
ALTER TABLE check_result ADD CONSTRAINT check_result_reason_check
    CHECK (reason IN ('CONNECT_REFUSED', 'TIMEOUT', 'AUTH_REJECTED', 'RELAY_FAILED', 'PROTOCOL_ERROR', 'BLOCKED_TARGET',
                      'OPEN_PROXY', 'CANARY_ONLY', 'OWNERSHIP_UNVERIFIED'));
