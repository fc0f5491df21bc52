/** Time series in TimescaleDB hypertables: idempotent writes and time-range reads. Depends on no other feature. */
package org.smartcare.telemetry;
