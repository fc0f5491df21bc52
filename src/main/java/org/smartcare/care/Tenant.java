package org.smartcare.care;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One city's platform: its call centre and its registry. */
@MappedEntity("tenant")
public record Tenant(@Id String id, String name) {
}
