package io.resourcemanager.simulator.http;

/** Answers one route; the returned value is serialized to JSON by the handler's response style. */
@FunctionalInterface
public interface Endpoint {

    /**
     * @return the response payload (may be null)
     * @throws ApiException when the request is refused
     */
    Object handle(ApiRequest request) throws ApiException;
}
