package org.smartcare.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque Relay ids: base64url of {@code Type:key}. */
public record GlobalId(String type, String key) {

    public static String encode(String type, Object key) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((type + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    public static GlobalId decode(String id) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            if (colon <= 0 || colon == raw.length() - 1) {
                throw ApiError.badInput("not a SmartCare id: " + id);
            }
            return new GlobalId(raw.substring(0, colon), raw.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw ApiError.badInput("not a SmartCare id: " + id);
        }
    }

    public long longKey() {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw ApiError.badInput("not a " + type + " id");
        }
    }
}
