package io.resourcemanager.simulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.resourcemanager.simulator.support.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one family of endpoints under a path prefix: runs the filters, routes, invokes the endpoint
 * and writes its JSON in the family's {@link ResponseStyle}.
 */
public final class RoutingHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingHandler.class);

    private final String prefix;
    private final Router router;
    private final ResponseStyle style;
    private final List<RequestFilter> filters;

    /**
     * @param prefix path prefix stripped before routing (for example {@code /api2/json})
     * @param router the routes below the prefix
     * @param style how bodies are shaped
     * @param filters checks run in order before routing
     */
    public RoutingHandler(String prefix, Router router, ResponseStyle style, List<RequestFilter> filters) {
        this.prefix = prefix;
        this.router = router;
        this.style = style;
        this.filters = List.copyOf(filters);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status = 200;
            Object body;
            try {
                body = style.success(dispatch(exchange));
            } catch (ApiException refusal) {
                status = refusal.status();
                body = style.failure(refusal);
            } catch (RuntimeException e) {
                LOG.error("Unexpected failure answering {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                status = 500;
                body = style.failure(new ApiException(500, "internal simulator error: " + e.getMessage()));
            }
            write(exchange, status, body);
        }
    }

    private Object dispatch(HttpExchange exchange) throws ApiException, IOException {
        String method = exchange.getRequestMethod().toUpperCase();
        for (RequestFilter filter : filters) {
            filter.check(method, exchange.getRequestHeaders());
        }
        String path = exchange.getRequestURI().getPath().substring(prefix.length());
        Optional<Router.Match> match = router.match(method, path.isEmpty() ? "/" : path);
        if (match.isEmpty()) {
            throw style.noRoute(method, path);
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> params = RequestParams.parse(exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders().getFirst("Content-Type"), body);
        return match.get().endpoint().handle(new ApiRequest(method, path, match.get().pathParams(), params, body));
    }

    private static void write(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] json = Json.mapper().writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }
}
