package org.smartcare.order;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A rating of a completed order (好差评): 1 (worst) to 5 (best), one per order. */
@MappedEntity("service_rating")
public record Rating(@Id Long orderId, int score, @Nullable String comment, String ratedBy, Instant ratedAt) {

    public static final int MAX_COMMENT_LENGTH = 2000;

    public Rating {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("a rating is 1 to 5, got " + score);
        }
        if (comment != null && comment.length() > MAX_COMMENT_LENGTH) {
            throw new IllegalArgumentException("a rating comment has at most " + MAX_COMMENT_LENGTH + " characters");
        }
    }
}
