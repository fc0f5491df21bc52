package org.smartcare.graphql;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A token bucket per caller: a steady rate with some burst; over it a request is refused (HTTP 429). */
@Singleton
public class RateLimiter {

    private final QueryLimits limits;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(QueryLimits limits) {
        this.limits = limits;
    }

    /** Takes one request from the caller's bucket; false when it is empty. */
    public boolean tryAcquire(String caller) {
        return buckets.computeIfAbsent(caller, key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limits.burst())
                        .refillGreedy(limits.requestsPerSecond(), Duration.ofSeconds(1)).build())
                .build()).tryConsume(1);
    }
}
