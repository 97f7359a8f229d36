package io.resourcemanager.stack;

import java.nio.file.Path;
import java.util.List;

/**
 * One row of the endpoint table: where a part of the stack is reached, where its health and
 * metrics are, and where its log is.
 *
 * @param part     what is reached, e.g. {@code allocation} or {@code simulator (Kubernetes API)}
 * @param url      the address clients use
 * @param monitors health and metrics URLs, possibly none
 * @param logFile  the part's log file
 */
public record Endpoint(String part, String url, List<String> monitors, Path logFile) {

    /**
     * An endpoint of an HTTP service with {@code /health} and {@code /prometheus}.
     *
     * @param part    the service's name
     * @param baseUrl its base URL, without a trailing slash
     * @param logFile its log file
     * @return the endpoint
     */
    public static Endpoint httpService(String part, String baseUrl, Path logFile) {
        return new Endpoint(part, baseUrl, List.of(baseUrl + "/health", baseUrl + "/prometheus"), logFile);
    }
}
