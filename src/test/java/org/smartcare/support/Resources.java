package org.smartcare.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test documents and payloads live as files under src/test/resources. */
public final class Resources {

    private Resources() {
    }

    public static byte[] bytes(String path) {
        try (InputStream in = Resources.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    /** A payload file with {{name}} placeholders filled in. */
    public static String template(String path, String... namesAndValues) {
        String text = text(path);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            text = text.replace("{{" + namesAndValues[i] + "}}", namesAndValues[i + 1]);
        }
        return text;
    }
}
