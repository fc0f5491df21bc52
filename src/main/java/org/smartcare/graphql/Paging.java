package org.smartcare.graphql;

import graphql.schema.DataFetchingEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Relay connection arguments and results; cursors are opaque base64url strings. */
public final class Paging {

    public static final int DEFAULT_PAGE = 20;
    public static final int MAX_PAGE = 100;

    private Paging() {
    }

    public static int first(DataFetchingEnvironment env) {
        Integer first = env.getArgument("first");
        if (first == null) {
            return DEFAULT_PAGE;
        }
        if (first < 1 || first > MAX_PAGE) {
            throw ApiError.badInput("first must be between 1 and " + MAX_PAGE + ", got " + first);
        }
        return first;
    }

    public static String encodeCursor(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static String decodeCursor(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.badInput("invalid cursor");
        }
    }

    /** Builds {edges, pageInfo} for the nodes of one forward page. */
    public static <T> Map<String, Object> connection(List<T> nodes, boolean hasNext, Function<T, String> cursorOf) {
        List<Map<String, Object>> edges = nodes.stream()
                .map(node -> Map.<String, Object>of("cursor", cursorOf.apply(node), "node", node)).toList();
        Map<String, Object> pageInfo = new java.util.HashMap<>();
        pageInfo.put("hasNextPage", hasNext);
        pageInfo.put("hasPreviousPage", false);
        pageInfo.put("startCursor", edges.isEmpty() ? null : edges.getFirst().get("cursor"));
        pageInfo.put("endCursor", edges.isEmpty() ? null : edges.getLast().get("cursor"));
        return Map.of("edges", edges, "pageInfo", pageInfo);
    }
}
