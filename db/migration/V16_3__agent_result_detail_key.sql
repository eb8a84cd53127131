-- The message key of an agent's result detail (e.g. tcp_timeout), so the kind of interference a censor uses is read
-- from the code the checker chose, not from English text.
ALTER TABLE agent_result ADD COLUMN detail_key TEXT CHECK (detail_key IS NULL OR detail_key ~ '^[a-z0-9_]{1,60}$');
