-- Caregivers' phones report their location over MQTT as another device class (CAREGIVER_PHONE), on the
-- telemetry channel (schema/mqtt/caregiver-location.v1.schema.json), into the caregiver_location hypertable.

ALTER TABLE device DROP CONSTRAINT device_type_check;
ALTER TABLE device ADD CONSTRAINT device_type_check
    CHECK (type IN ('BED_SENSOR', 'SOS_BUTTON', 'NURSERY_CAMERA', 'CAREGIVER_PHONE'));

-- The link from a phone to the caregiver carrying it: staff.phone_device_id (V3, unique) now names a
-- registered device. Ingest resolves a phone's fixes to the caregiver through it; a phone linked to no
-- caregiver has its fixes dropped (counted by ingest), since a track belongs to a person, not a phone.
ALTER TABLE staff ADD CONSTRAINT staff_phone_device_fk
    FOREIGN KEY (phone_device_id) REFERENCES device (id) ON DELETE SET NULL;

-- The order the phone's app said it was serving when it took the fix, if any (informational: the
-- detector windows a track by the order's own check-in and check-out times).
ALTER TABLE caregiver_location ADD COLUMN order_id bigint;
