-- Why a batch waits, as a code and its figures (joined by U+001F), so that the admin page says it in the reader's
-- language; waiting_reason keeps the English text for logs and SQL readers. The three are set and cleared together.
ALTER TABLE payout_batch ADD COLUMN waiting_code TEXT;
ALTER TABLE payout_batch ADD COLUMN waiting_args TEXT;
