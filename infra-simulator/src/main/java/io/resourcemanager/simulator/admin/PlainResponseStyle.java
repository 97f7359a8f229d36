package io.resourcemanager.simulator.admin;

import io.resourcemanager.simulator.http.ApiException;
import io.resourcemanager.simulator.http.ResponseStyle;
import java.util.LinkedHashMap;
import java.util.Map;

/** Plain JSON: the payload as is, or {@code {"error": ..., "errors": {...}}}. */
final class PlainResponseStyle implements ResponseStyle {

    @Override
    public Object success(Object payload) {
        return payload;
    }

    @Override
    public Object failure(ApiException refusal) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", refusal.getMessage());
        if (!refusal.errors().isEmpty()) {
            body.put("errors", refusal.errors());
        }
        return body;
    }

    @Override
    public ApiException noRoute(String method, String path) {
        return new ApiException(404, "no endpoint " + method + " " + path);
    }
}
