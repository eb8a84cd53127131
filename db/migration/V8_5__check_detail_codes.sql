-- The technical detail of a check as a message key and its arguments (JSON: {"key": ..., "args": [text or nested detail]}),
-- beside the English text, so pages show it in the reader's language. Rows written before keep only their English text.
ALTER TABLE check_schedule ADD COLUMN last_detail_code jsonb;
ALTER TABLE check_result ADD COLUMN detail_code jsonb;
ALTER TABLE endpoint_trial_check ADD COLUMN detail_code jsonb;
