package org.smartcare.ingest;

/** What became of one message; every outcome may be acknowledged to the broker. */
public enum IngestOutcome {
    STORED, DUPLICATE, DEAD_LETTERED
}
