package org.smartcare.security;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * One audited read: who (subject, role, tenant) read which fields of whose personal data, when, in which
 * operation. {@code maskedFields} lists the fields that were shown masked or reduced; the rest were shown
 * in clear. {@code id} is null until stored.
 */
public record PersonalDataRead(@Nullable Long id, Instant at, String subject, Role role, @Nullable String tenantId,
                               DataSubject dataSubject, List<String> fields, List<String> maskedFields,
                               @Nullable String operation) {

    public PersonalDataRead {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("an audited read names at least one field");
        }
        fields = List.copyOf(fields);
        maskedFields = List.copyOf(maskedFields);
    }
}
