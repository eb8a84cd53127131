-- Every moment is settled at most once: a new settlement may not overlap the time of one already stored (a change of
-- epoch length or anchor once settled an hour again under a new grid). A trigger rather than an exclusion
-- constraint, so that rows stored before it, overlapping or not, stay as the record of what happened.
CREATE FUNCTION settlement_no_overlap() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    other TEXT;
BEGIN
    SELECT epoch_key INTO other FROM settlement
    WHERE epoch_start < NEW.epoch_end AND NEW.epoch_start < epoch_end LIMIT 1;
    IF other IS NOT NULL THEN
        RAISE EXCEPTION 'settlement % (% – %) overlaps settlement %, already stored: a moment is settled once',
            NEW.epoch_key, NEW.epoch_start, NEW.epoch_end, other;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER settlement_no_overlap BEFORE INSERT ON settlement
    FOR EACH ROW EXECUTE FUNCTION settlement_no_overlap();
