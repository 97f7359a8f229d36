package io.resourcemanager.simulator.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpHandler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.resourcemanager.simulator.faults.FaultSettings;
import io.resourcemanager.simulator.faults.Faults;
import io.resourcemanager.simulator.http.ApiException;
import io.resourcemanager.simulator.http.ApiRequest;
import io.resourcemanager.simulator.http.RequestCounter;
import io.resourcemanager.simulator.http.Router;
import io.resourcemanager.simulator.http.RoutingHandler;
import io.resourcemanager.simulator.proxmox.VmInventory;
import io.resourcemanager.simulator.support.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The simulator's own endpoints, without authentication: {@code GET /health}, and under {@code /sim}
 * the state summary and fault injection.
 */
public final class AdminApi {

    /** Path of the health endpoint. */
    public static final String HEALTH_PATH = "/health";
    /** Path prefix of the admin endpoints. */
    public static final String ADMIN_PREFIX = "/sim";

    private AdminApi() {
    }

    /** {@code GET /health} → {@code {"status":"UP"}}. */
    public static HttpHandler health() {
        Router router = new Router().add("GET", "/", request -> Map.of("status", "UP"));
        return new RoutingHandler(HEALTH_PATH, router, new PlainResponseStyle(), List.of());
    }

    /**
     * {@code GET /sim/state} (with the number of Proxmox API requests served); {@code GET /sim/faults};
     * {@code POST /sim/faults} (a JSON patch of {@link FaultSettings}); {@code DELETE /sim/faults}
     * (clears every fault).
     */
    public static HttpHandler admin(VmInventory inventory, KubernetesClient client, Faults faults,
            RequestCounter proxmoxRequests) {
        SimulatorState state = new SimulatorState(inventory, client, faults, proxmoxRequests);
        Router router = new Router()
                .add("GET", "/state", request -> state.summary())
                .add("GET", "/faults", request -> faults.current())
                .add("POST", "/faults", request -> injectFaults(faults, request))
                .add("DELETE", "/faults", request -> {
                    faults.reset();
                    return faults.current();
                });
        return new RoutingHandler(ADMIN_PREFIX, router, new PlainResponseStyle(), List.of());
    }

    private static FaultSettings injectFaults(Faults faults, ApiRequest request) throws ApiException {
        try {
            faults.apply(Json.mapper().readValue(request.body(), FaultSettings.class));
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "invalid fault settings: " + e.getOriginalMessage());
        } catch (IOException | IllegalArgumentException e) {
            throw new ApiException(400, "invalid fault settings: " + e.getMessage());
        }
        return faults.current();
    }
}
