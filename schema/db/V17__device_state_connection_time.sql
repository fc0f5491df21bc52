-- The device time of the connection the stored status belongs to: that of the latest connect. A Last Will carries
-- its connection's time, which is older than any report the device sent during that connection, so status_ts alone
-- cannot tell a will that ends the current connection (apply it) from one of an earlier connection (ignore it).
ALTER TABLE device_state ADD COLUMN connected_ts timestamptz;
-- Rows written before this column: their connection began no later than their status, and a will at least as new
-- as the status still applies, as it did before.
UPDATE device_state SET connected_ts = status_ts;
