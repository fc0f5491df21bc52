package org.smartcare.care;

import java.util.Objects;

/**
 * Someone outside the tenant's staff who reads an elder's data: a family member linked to the elder, or a
 * partner app the elder consented to. {@code subject} is the reader's token subject.
 */
public record ElderReader(Kind kind, String tenantId, String subject) {

    /** How the reader came to read an elder. */
    public enum Kind {
        FAMILY, PARTNER
    }

    public ElderReader {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(subject, "subject");
    }
}
