package org.smartcare.graphql.wiring;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.smartcare.care.Region;
import org.smartcare.graphql.ApiError;
import org.smartcare.graphql.FetcherRegistry;
import org.smartcare.graphql.Paging;
import org.smartcare.graphql.RequestContext;
import org.smartcare.graphql.WiringContribution;
import org.smartcare.indicator.Indicator;
import org.smartcare.indicator.IndicatorScope;
import org.smartcare.indicator.Indicators;
import org.smartcare.indicator.Measurement;
import org.smartcare.indicator.PlanTarget;
import org.smartcare.indicator.Populations;
import org.smartcare.indicator.Progress;
import org.smartcare.indicator.RegionInstitutions;
import org.smartcare.security.Caller;

/** Query.indicators; Region.population, institutions, indicators; the Indicator and PlanTarget types. */
@Singleton
public class IndicatorWiring implements WiringContribution {

    private static final ZoneId CITY_TIME = ZoneId.of("Asia/Shanghai");
    private static final String CURSOR_PREFIX = "institution:";

    private final Indicators indicators;
    private final Populations populations;
    private final RegionInstitutions institutions;

    IndicatorWiring(Indicators indicators, Populations populations, RegionInstitutions institutions) {
        this.indicators = indicators;
        this.populations = populations;
        this.institutions = institutions;
    }

    @Override
    public void contribute(FetcherRegistry registry) {
        registry.field("Query", "indicators", env -> indicators(env, env.getArgument("region")))
                .field("Region", "indicators", env -> indicators(env, env.<Region>getSource().code()))
                .field("Region", "population", this::population)
                .field("Region", "institutions", this::institutions)
                .field("Indicator", "name", env -> env.<Indicator>getSource().nameEn())
                .field("Indicator", "value", measurement(m -> m.value()))
                .field("Indicator", "numerator", measurement(m -> m.numerator()))
                .field("Indicator", "denominator", measurement(m -> m.denominator()))
                .field("Indicator", "unavailableReason", measurement(m -> m.unavailable()))
                .field("Indicator", "gap", progress(Progress::gap))
                .field("Indicator", "status", progress(Progress::status))
                .field("Indicator", "statusNote", progress(Progress::note))
                .field("Indicator", "byType", env -> env.<Indicator>getSource().byType().entrySet().stream()
                        .map(e -> Map.of("type", e.getKey(), "count", e.getValue())).toList())
                .field("PlanTarget", "region", env -> env.<PlanTarget>getSource().regionCode())
                .field("PlanTarget", "year", env -> env.<PlanTarget>getSource().targetYear())
                .field("PlanTarget", "value", env -> env.<PlanTarget>getSource().targetValue())
                .field("PlanTarget", "text", env -> env.<PlanTarget>getSource().targetText())
                .field("PlanTarget", "op", env -> {
                    String op = env.<PlanTarget>getSource().op();
                    return op.isEmpty() ? null : op;
                });
    }

    private List<Indicator> indicators(DataFetchingEnvironment env, String region) {
        IndicatorScope scope = scope(RequestContext.caller(env));
        LocalDate today = LocalDate.now(CITY_TIME);
        LocalDate asOf = env.getArgumentOrDefault("asOf", today);
        if (asOf.isAfter(today)) {
            throw ApiError.badInput("asOf cannot be after today (" + today + ")");
        }
        return indicators.of(requireCode(region), asOf, scope)
                .orElseThrow(() -> ApiError.badInput("unknown region " + region));
    }

    private Object population(DataFetchingEnvironment env) {
        Integer year = env.getArgument("year");
        return populations.of(env.<Region>getSource().code(),
                year == null ? LocalDate.now(CITY_TIME).getYear() : year).orElse(null);
    }

    private Map<String, Object> institutions(DataFetchingEnvironment env) {
        IndicatorScope scope = scope(RequestContext.caller(env));
        int first = Paging.first(env);
        String after = env.getArgument("after");
        long afterId = after == null ? 0 : cursorId(Paging.decodeCursor(after));
        RegionInstitutions.Page page = institutions.page(env.<Region>getSource().code(), scope, afterId, first);
        return Paging.connection(page.institutions(), page.hasNext(),
                institution -> Paging.encodeCursor(CURSOR_PREFIX + institution.id()));
    }

    /** Regions are shared; what is counted in them is the caller's tenant's (everything for administrators). */
    static IndicatorScope scope(Caller caller) {
        return switch (caller.role()) {
            case ADMIN -> IndicatorScope.EVERYTHING;
            case OPERATOR, PARTNER -> IndicatorScope.tenant(caller.tenantId());
            case INSTITUTION_STAFF, FAMILY -> throw ApiError.forbidden("plan indicators and region institutions are"
                    + " for administrators, operators and partners");
        };
    }

    private static String requireCode(String region) {
        if (region == null || !region.matches("[1-9][0-9]{5}")) {
            throw ApiError.badInput("region must be a six-digit GB/T 2260 code, got " + region);
        }
        return region;
    }

    private static long cursorId(String raw) {
        try {
            if (raw.startsWith(CURSOR_PREFIX)) {
                return Long.parseLong(raw.substring(CURSOR_PREFIX.length()));
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw ApiError.badInput("invalid cursor");
    }

    private static DataFetcher<Object> measurement(Function<Measurement, Object> part) {
        return env -> part.apply(env.<Indicator>getSource().measurement());
    }

    private static DataFetcher<Object> progress(Function<Progress, Object> part) {
        return env -> {
            Progress progress = env.<Indicator>getSource().progress();
            return progress == null ? null : part.apply(progress);
        };
    }
}
