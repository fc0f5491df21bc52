package org.smartcare.alert;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * The thresholds of one scope: what it overrides itself and what is in force there; or why a change was
 * refused ({@code failure} and {@code problems}).
 */
public record ThresholdResult(@Nullable ThresholdScope scope, Map<ThresholdSetting, Integer> override,
                              @Nullable AlertThresholds effective, @Nullable Failure failure, List<String> problems) {

    /** Why a read or change was refused. */
    public enum Failure { NOT_FOUND, INVALID_VALUES }

    static ThresholdResult of(ThresholdScope scope, Map<ThresholdSetting, Integer> override, AlertThresholds effective) {
        return new ThresholdResult(scope, override, effective, null, List.of());
    }

    static ThresholdResult refused(Failure failure, List<String> problems) {
        return new ThresholdResult(null, Map.of(), null, failure, problems);
    }
}
