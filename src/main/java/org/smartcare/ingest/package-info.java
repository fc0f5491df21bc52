/** Ingest of device messages: topic parsing, validation, idempotent storage, dead letters. May depend on telemetry, device and alert; Paho only in ingest.mqtt. */
package org.smartcare.ingest;
