package io.resourcemanager.simulator.http;

import java.util.Map;

/**
 * A parsed HTTP request as endpoints see it.
 *
 * @param method HTTP method, upper case
 * @param path request path below the handler's prefix
 * @param pathParams values of the route template's {@code {placeholders}}
 * @param params query parameters merged with form or JSON body fields (body wins)
 * @param body the raw body
 */
public record ApiRequest(
        String method,
        String path,
        Map<String, String> pathParams,
        Map<String, String> params,
        byte[] body) {

    /** The value of path placeholder {@code name}; the route guarantees it exists. */
    public String pathParam(String name) {
        return pathParams.get(name);
    }
}
