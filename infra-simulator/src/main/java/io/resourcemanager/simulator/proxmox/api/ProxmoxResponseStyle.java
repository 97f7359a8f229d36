package io.resourcemanager.simulator.proxmox.api;

import io.resourcemanager.simulator.http.ApiException;
import io.resourcemanager.simulator.http.ResponseStyle;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Proxmox's JSON envelope: {@code {"data": ...}} on success, {@code {"data": null, "errors": {...}}}
 * on refusal. Proxmox puts the reason in the HTTP status line; the JDK server cannot, so it is also
 * given as {@code message}.
 */
final class ProxmoxResponseStyle implements ResponseStyle {

    @Override
    public Object success(Object payload) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", payload);
        return body;
    }

    @Override
    public Object failure(ApiException refusal) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", null);
        body.put("message", refusal.getMessage());
        if (!refusal.errors().isEmpty()) {
            body.put("errors", refusal.errors());
        }
        return body;
    }

    @Override
    public ApiException noRoute(String method, String path) {
        return new ApiException(501, "Method '" + method + " /api2/json" + path + "' not implemented");
    }
}
