package org.smartcare.security;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;

/**
 * Writes what a request read to the audit trail, one row per person. Called after the request has
 * executed and before its answer leaves the service: when the write fails, {@link AuditUnavailable} is
 * thrown and the caller must withhold the answer. It blocks on JDBC, so it is never called on an event loop.
 */
@Singleton
public class ReadAudit {

    private final PersonalDataReads reads;

    ReadAudit(PersonalDataReads reads) {
        this.reads = reads;
    }

    /** Records the log's reads (if any) and empties it. */
    public void record(Caller caller, @Nullable String operation, ReadLog log) {
        if (log.isEmpty()) {
            return;
        }
        List<PersonalDataRead> rows = log.drain(caller, operation, Instant.now());
        if (!rows.isEmpty()) {
            append(rows);
        }
    }

    /** Records one read outside a GraphQL selection (e.g. a grant that discloses a child's data). */
    public void record(Caller caller, @Nullable String operation, DataSubject person, List<String> fields) {
        ReadLog log = new ReadLog();
        fields.forEach(field -> log.note(person, field, false));
        record(caller, operation, log);
    }

    private void append(List<PersonalDataRead> rows) {
        try {
            reads.append(rows);
        } catch (AuditUnavailable e) {
            throw e;
        } catch (RuntimeException e) { // no connection, no transaction: equally unaudited
            throw new AuditUnavailable(e);
        }
    }
}
