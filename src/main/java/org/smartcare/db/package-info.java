/** Database start-up: checks TimescaleDB and applies the Flyway migrations in schema/db before anything uses the pool. */
package org.smartcare.db;
