-- Every instance caches the registered devices for its ingest (DeviceDirectory). A change to one, made by any
-- instance or by hand, is sent on channel smartcare_device as it commits, and each instance forgets that device.
-- Only changes and removals need a notice: an id the cache does not know is never cached as unknown.
-- Statement triggers with transition tables: one notice per changed device, but a single '*' (forget every device)
-- for a statement touching more than 1,000, so a bulk re-assignment or clean-up does not queue a notice per row.
CREATE FUNCTION device_change_notice() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed_id text;
BEGIN
    -- Separate tests: a TRUNCATE trigger has no transition table to count.
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM pg_notify('smartcare_device', '*');
        RETURN NULL;
    END IF;
    IF (SELECT count(*) FROM (SELECT 1 FROM before_change LIMIT 1001) AS firsts) > 1000 THEN
        PERFORM pg_notify('smartcare_device', '*');
        RETURN NULL;
    END IF;
    FOR changed_id IN SELECT id FROM before_change LOOP
        PERFORM pg_notify('smartcare_device', changed_id);
    END LOOP;
    RETURN NULL;
END
$$;

CREATE TRIGGER device_updated_notice AFTER UPDATE ON device REFERENCING OLD TABLE AS before_change
    FOR EACH STATEMENT EXECUTE FUNCTION device_change_notice();
CREATE TRIGGER device_deleted_notice AFTER DELETE ON device REFERENCING OLD TABLE AS before_change
    FOR EACH STATEMENT EXECUTE FUNCTION device_change_notice();
CREATE TRIGGER device_truncated_notice AFTER TRUNCATE ON device
    FOR EACH STATEMENT EXECUTE FUNCTION device_change_notice();
