package io.resourcemanager.provisioner.adapter.proxmox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One call of the Proxmox API: method, path below {@code /api2/json} and parameters (a query string for
 * GET and DELETE, a form body for POST and PUT, as Proxmox expects).
 *
 * @param method HTTP method
 * @param path path below {@code /api2/json}, segments already encoded
 * @param params parameters, in order
 */
record ProxmoxRequest(String method, String path, Map<String, String> params) {

    ProxmoxRequest {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    static ProxmoxRequest get(String path, Map<String, String> params) {
        return new ProxmoxRequest("GET", path, params);
    }

    static ProxmoxRequest get(String path) {
        return get(path, Map.of());
    }

    static ProxmoxRequest post(String path, Map<String, String> params) {
        return new ProxmoxRequest("POST", path, params);
    }

    static ProxmoxRequest delete(String path, Map<String, String> params) {
        return new ProxmoxRequest("DELETE", path, params);
    }

    /** Whether the parameters travel in the body. */
    boolean hasBody() {
        return method.equals("POST") || method.equals("PUT");
    }

    /** The parameters form-encoded ({@code a=1&b=2}). */
    String encodedParams() {
        return params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** The path with the query string of a GET or DELETE. */
    String pathAndQuery() {
        return hasBody() || params.isEmpty() ? path : path + "?" + encodedParams();
    }

    /** One path segment, percent-encoded (UPIDs contain {@code :}, {@code @} and {@code !}). */
    static String segment(String value) {
        return encode(value).replace("+", "%20");
    }

    @Override
    public String toString() {
        return method + " " + path;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
