-- Removing a line renumbers the lines after it in one statement (position = position - 1). A unique constraint that
-- is not deferrable is checked row by row in PostgreSQL, so that statement failed whenever it reached a row before
-- the one that freed its new number ("duplicate key (batch_id, position)"), depending on the rows' physical order.
-- DEFERRABLE INITIALLY IMMEDIATE checks it at the end of each statement: the same rule, no false collision.
ALTER TABLE payout_line DROP CONSTRAINT payout_line_batch_id_position_key;
ALTER TABLE payout_line ADD CONSTRAINT payout_line_batch_id_position_key UNIQUE (batch_id, position)
    DEFERRABLE INITIALLY IMMEDIATE;
