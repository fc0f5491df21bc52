package org.smartcare.graphql.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The GraphiQL page. The page itself holds no data; every query it sends needs a bearer token, which the
 * user pastes into its Headers tab. It can be switched off with {@code smartcare.graphiql.enabled=false}.
 */
@Controller("/graphiql")
@Secured(SecurityRule.IS_ANONYMOUS)
@io.micronaut.context.annotation.Requires(property = "smartcare.graphiql.enabled", notEquals = "false")
public class GraphiqlController {

    private final String page;

    GraphiqlController() {
        try (InputStream in = getClass().getResourceAsStream("/graphiql/index.html")) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> page() {
        return HttpResponse.ok(page).header("Cache-Control", "no-store");
    }
}
