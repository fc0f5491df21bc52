package org.smartcare.graphql;

import io.micronaut.core.annotation.Nullable;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.smartcare.care.ElderData;
import org.smartcare.care.ElderReader;
import org.smartcare.care.ElderReaders;
import org.smartcare.security.Caller;

/**
 * The elders a family member or partner may read, looked up in the database once per category and operation.
 * A subscription looks them up afresh for every event, so a revoked consent stops its deliveries at once.
 */
public final class ElderAccess {

    private final ElderReaders readers;
    @Nullable
    private final ElderReader reader;
    private final boolean cache;
    private final Map<ElderData, Set<Long>> byCategory = new EnumMap<>(ElderData.class);
    private Set<Long> atAll;

    ElderAccess(ElderReaders readers, Caller caller, boolean cache) {
        this.readers = readers;
        this.reader = switch (caller.role()) {
            case FAMILY -> new ElderReader(ElderReader.Kind.FAMILY, caller.tenantId(), caller.subject());
            case PARTNER -> new ElderReader(ElderReader.Kind.PARTNER, caller.tenantId(), caller.subject());
            default -> null;
        };
        this.cache = cache;
    }

    /** Whether the caller reads elders one by one (family members and partners) rather than a whole tenant. */
    public boolean limited() {
        return reader != null;
    }

    /** The elders whose data of this category the caller may read; null when the caller is not limited to elders. */
    @Nullable
    public synchronized Set<Long> readable(ElderData category) {
        if (reader == null) {
            return null;
        }
        if (!cache) {
            return readers.readable(reader, category);
        }
        return byCategory.computeIfAbsent(category, c -> readers.readable(reader, c));
    }

    /** Whether the caller may read this elder's registry record at all. */
    public synchronized boolean mayRead(long elderId) {
        if (reader == null) {
            return true;
        }
        if (atAll == null || !cache) {
            atAll = readers.readableAtAll(reader);
        }
        return atAll.contains(elderId);
    }
}
