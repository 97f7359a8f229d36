package io.resourcemanager.simulator.http;

import com.sun.net.httpserver.Headers;

/** A check run before routing (authentication, injected faults). */
@FunctionalInterface
public interface RequestFilter {

    /**
     * @param method HTTP method
     * @param headers request headers
     * @throws ApiException to answer the request with this refusal instead of routing it
     */
    void check(String method, Headers headers) throws ApiException;
}
