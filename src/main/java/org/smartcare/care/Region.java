package org.smartcare.care;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A GB/T 2260 administrative division, identified by its six-digit code. */
@MappedEntity("region")
public record Region(@Id String code, String name, @Nullable String parentCode) {

    public Region {
        if (code == null || !code.matches("[1-9][0-9]{5}")) {
            throw new IllegalArgumentException("region code must be six digits (GB/T 2260), got " + code);
        }
    }
}
