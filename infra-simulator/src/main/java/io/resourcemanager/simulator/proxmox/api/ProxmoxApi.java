package io.resourcemanager.simulator.proxmox.api;

import com.sun.net.httpserver.HttpHandler;
import io.resourcemanager.simulator.faults.Faults;
import io.resourcemanager.simulator.http.ApiException;
import io.resourcemanager.simulator.http.RequestFilter;
import io.resourcemanager.simulator.http.Router;
import io.resourcemanager.simulator.http.RoutingHandler;
import io.resourcemanager.simulator.proxmox.ApiToken;
import io.resourcemanager.simulator.proxmox.ProxmoxBackend;
import java.util.List;
import java.util.OptionalInt;

/**
 * The Proxmox VE REST API stand-in under {@code /api2/json}: injected HTTP faults first, then API
 * token authentication, then the routes.
 */
public final class ProxmoxApi {

    /** Path prefix of the Proxmox API. */
    public static final String PREFIX = "/api2/json";

    private ProxmoxApi() {
    }

    /** The handler to mount at {@link #PREFIX}. */
    public static HttpHandler handler(ProxmoxBackend backend, ApiToken token, Faults faults) {
        Router router = new Router();
        new ClusterEndpoints(backend).register(router);
        new QemuEndpoints(backend).register(router);
        return new RoutingHandler(PREFIX, router, new ProxmoxResponseStyle(),
                List.of(injectedErrors(faults), authentication(token)));
    }

    private static RequestFilter injectedErrors(Faults faults) {
        return (method, headers) -> {
            OptionalInt status = faults.takeHttpError();
            if (status.isPresent()) {
                throw new ApiException(status.getAsInt(), "injected fault: HTTP " + status.getAsInt());
            }
        };
    }

    private static RequestFilter authentication(ApiToken token) {
        return (method, headers) -> {
            if (!token.acceptsHeader(headers.getFirst("Authorization"))) {
                throw new ApiException(401, "authentication failure - missing or invalid API token");
            }
        };
    }
}
