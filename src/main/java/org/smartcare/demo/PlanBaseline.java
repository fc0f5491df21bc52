package org.smartcare.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A city plan's current (现有) figures, as the project's copy of plans/indicator-targets.csv gives them: the
 * baseline value of each row the platform can compute, keyed by the row's indicator code.
 */
public record PlanBaseline(String regionCode, Map<String, Double> current) {

    static final String RESOURCE = "plans/indicator-targets.csv";
    private static final int REGION = 0, BASELINE_VALUE = 8, INDICATOR = 14;

    public PlanBaseline {
        current = Map.copyOf(current);
    }

    /** The figure of an indicator; refuses when the plan does not state one (the city cannot be built then). */
    public double require(String indicator) {
        Double value = current.get(indicator);
        if (value == null) {
            throw new IllegalArgumentException("the plan of " + regionCode + " states no current " + indicator);
        }
        return value;
    }

    public static PlanBaseline of(String regionCode) {
        try (InputStream in = PlanBaseline.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
            Map<String, Double> current = new HashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                List<String> f = fields(line);
                if (f.size() > INDICATOR && f.get(REGION).equals(regionCode) && !f.get(INDICATOR).isEmpty()
                        && f.get(BASELINE_VALUE).matches("[0-9]+(\\.[0-9]+)?")) {
                    current.putIfAbsent(f.get(INDICATOR), Double.valueOf(f.get(BASELINE_VALUE)));
                }
            }
            return new PlanBaseline(regionCode, current);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 4180 fields of one line (the demo may not use the indicator feature's reader). */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
