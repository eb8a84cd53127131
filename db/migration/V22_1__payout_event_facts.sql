-- The facts of a payout batch's event as named values (JSON, for example {"lines": 3, "totalSats": 1500, "part": 1,
-- "parts": 1}) beside the English detail, so the batch's history is shown in the admin's language and scripts read the
-- numbers without parsing text. Events written before keep only their English detail.
ALTER TABLE payout_event ADD COLUMN facts jsonb;
