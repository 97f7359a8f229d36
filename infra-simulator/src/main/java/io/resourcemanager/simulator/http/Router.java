package io.resourcemanager.simulator.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps a method and a path to an {@link Endpoint}; the first registered matching route wins. */
public final class Router {

    private final List<Route> routes = new ArrayList<>();

    /** Adds a route; {@code template} may contain {@code {name}} placeholders for single segments. */
    public Router add(String method, String template, Endpoint endpoint) {
        routes.add(new Route(method, new PathTemplate(template), endpoint));
        return this;
    }

    /** The endpoint answering {@code method} on {@code path}, with its path parameters. */
    public Optional<Match> match(String method, String path) {
        for (Route route : routes) {
            if (route.method().equals(method)) {
                Optional<Map<String, String>> params = route.template().match(path);
                if (params.isPresent()) {
                    return Optional.of(new Match(route.endpoint(), params.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** A resolved route. */
    public record Match(Endpoint endpoint, Map<String, String> pathParams) {
    }

    private record Route(String method, PathTemplate template, Endpoint endpoint) {
    }
}
