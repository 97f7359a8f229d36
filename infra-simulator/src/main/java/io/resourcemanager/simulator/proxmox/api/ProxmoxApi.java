package io.resourcemanager.simulator.proxmox.api;

import com.sun.net.httpserver.HttpHandler;
import io.resourcemanager.simulator.faults.Faults;
import io.resourcemanager.simulator.http.ApiException;
import io.resourcemanager.simulator.http.RequestCounter;
import io.resourcemanager.simulator.http.RequestFilter;
import io.resourcemanager.simulator.http.ResponseStyle;
import io.resourcemanager.simulator.http.Router;
import io.resourcemanager.simulator.http.RoutingHandler;
import io.resourcemanager.simulator.proxmox.ApiToken;
import io.resourcemanager.simulator.proxmox.ProxmoxBackend;
import java.util.List;
import java.util.OptionalInt;

/**
 * The Proxmox VE REST API stand-in under {@code /api2/json}: requests are counted, injected HTTP faults
 * answer first, then API token authentication, then the routes.
 *
 * <p>Two tokens are known. The full token may do everything. The token without privileges is
 * authenticated but, as a Proxmox token with privilege separation and no ACL entries, may only read
 * {@code /version} and {@code /cluster/nextid}; its listings come back empty (Proxmox filters what a
 * user may not audit), and every other call answers 403 {@code Permission check failed (...)}.
 */
public final class ProxmoxApi {

    /** Path prefix of the Proxmox API. */
    public static final String PREFIX = "/api2/json";

    private static final String AUTHORIZATION = "Authorization";

    private ProxmoxApi() {
    }

    /**
     * The handler to mount at {@link #PREFIX}.
     *
     * @param backend the simulated cluster
     * @param token the token with every privilege
     * @param noRights an accepted token without privileges
     * @param faults injected faults
     * @param requests counts every request reaching the API
     */
    public static HttpHandler handler(ProxmoxBackend backend, ApiToken token, ApiToken noRights, Faults faults,
            RequestCounter requests) {
        Router router = new Router();
        ClusterEndpoints cluster = new ClusterEndpoints(backend);
        QemuEndpoints qemu = new QemuEndpoints(backend);
        cluster.register(router);
        qemu.register(router);
        Router unprivilegedRouter = new Router();
        cluster.registerUnprivileged(unprivilegedRouter);
        qemu.registerUnprivileged(unprivilegedRouter);
        ProxmoxResponseStyle style = new ProxmoxResponseStyle();
        HttpHandler privileged = new RoutingHandler(PREFIX, router, style,
                List.of(requests, injectedErrors(faults), authentication(token)));
        HttpHandler unprivileged = new RoutingHandler(PREFIX, unprivilegedRouter, new Unprivileged(style),
                List.of(requests, injectedErrors(faults)));
        return exchange -> {
            boolean withoutRights = noRights.acceptsHeader(exchange.getRequestHeaders().getFirst(AUTHORIZATION));
            (withoutRights ? unprivileged : privileged).handle(exchange);
        };
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
            if (!token.acceptsHeader(headers.getFirst(AUTHORIZATION))) {
                throw new ApiException(401, "authentication failure - missing or invalid API token");
            }
        };
    }

    /** Proxmox's envelope; a call the token has no route for is a failed permission check. */
    private record Unprivileged(ProxmoxResponseStyle style) implements ResponseStyle {

        @Override
        public Object success(Object payload) {
            return style.success(payload);
        }

        @Override
        public Object failure(ApiException refusal) {
            return style.failure(refusal);
        }

        @Override
        public ApiException noRoute(String method, String path) {
            return Privileges.refused(method, path);
        }
    }
}
