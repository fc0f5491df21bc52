package org.smartcare.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The personal data one request has read so far, per person and field. Fetchers of one request may run on
 * several threads, so noting is thread-safe; {@link #drain} turns the log into one audit row per person.
 */
public final class ReadLog {

    private final Map<DataSubject, Map<String, Boolean>> reads = new ConcurrentHashMap<>();

    /** Notes that {@code field} (a schema coordinate such as Elder.phone) of this person was shown. */
    public void note(DataSubject person, String field, boolean masked) {
        // A field shown masked and in clear in one request (cannot happen for one role) counts as clear.
        reads.computeIfAbsent(person, p -> new ConcurrentSkipListMap<>()).merge(field, masked, Boolean::logicalAnd);
    }

    public boolean isEmpty() {
        return reads.isEmpty();
    }

    /** One row per person read since the last drain, and an empty log. */
    public synchronized List<PersonalDataRead> drain(Caller caller, String operation, Instant at) {
        List<PersonalDataRead> rows = new ArrayList<>();
        for (DataSubject person : List.copyOf(reads.keySet())) {
            Map<String, Boolean> fields = reads.remove(person);
            List<String> masked = fields.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
            rows.add(new PersonalDataRead(null, at, caller.subject(), caller.role(), caller.tenantId(), person,
                    List.copyOf(fields.keySet()), masked, operation));
        }
        return rows;
    }
}
