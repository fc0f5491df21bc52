package org.smartcare.indicator;

import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The targets of the city plans, from the project's copy of plans/indicator-targets.csv. The copy adds one
 * column, {@code indicator}: the platform's indicator a row measures (blank when it cannot be computed).
 */
@Singleton
public class PlanTargets {

    static final String RESOURCE = "plans/indicator-targets.csv";
    private static final List<String> HEADER = List.of("region_code", "region_name_zh", "region_name_en", "domain",
            "indicator_zh", "indicator_en", "unit", "baseline_year", "baseline_value", "target_year", "target_value",
            "target_op", "binding", "source", "indicator");

    private final Map<String, List<PlanTarget>> byRegion;

    PlanTargets() {
        this(read(RESOURCE));
    }

    PlanTargets(List<PlanTarget> targets) {
        this.byRegion = targets.stream().collect(Collectors.groupingBy(PlanTarget::regionCode));
    }

    /** The rows of one region's plan, in table order. */
    public List<PlanTarget> of(String regionCode) {
        return byRegion.getOrDefault(regionCode, List.of());
    }

    static List<PlanTarget> read(String resource) {
        try (InputStream in = PlanTargets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows without a region (e.g. the OECD comparator) belong to no plan and are skipped. */
    static List<PlanTarget> parse(List<String> lines) {
        if (lines.isEmpty() || !Csv.fields(lines.getFirst()).equals(HEADER)) {
            throw new IllegalArgumentException("indicator targets must start with the header " + HEADER);
        }
        List<PlanTarget> targets = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> f = Csv.fields(line);
            if (f.size() != HEADER.size()) {
                throw new IllegalArgumentException("expected " + HEADER.size() + " fields: " + line);
            }
            if (f.get(0).isEmpty()) {
                continue;
            }
            targets.add(new PlanTarget(f.get(0), f.get(14).isEmpty() ? null : IndicatorCode.valueOf(f.get(14)),
                    f.get(4), f.get(5), f.get(6), year(f.get(7)), number(f.get(8)), text(f.get(8)),
                    year(f.get(9)), number(f.get(10)), text(f.get(10)), f.get(11), blankToNull(f.get(12)), f.get(13)));
        }
        return targets;
    }

    private static Integer year(String field) {
        return field.isEmpty() ? null : Integer.valueOf(field);
    }

    private static Double number(String field) {
        return field.matches("-?[0-9]+(\\.[0-9]+)?") ? Double.valueOf(field) : null;
    }

    private static String text(String field) {
        return field.isEmpty() || number(field) != null ? null : field;
    }

    private static String blankToNull(String field) {
        return field.isEmpty() ? null : field;
    }
}
