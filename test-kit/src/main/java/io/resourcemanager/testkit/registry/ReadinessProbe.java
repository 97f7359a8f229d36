package io.resourcemanager.testkit.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a registry's readiness endpoint whether it serves requests yet. */
final class ReadinessProbe {

    private static final String READINESS_PATH = "/health/ready";
    private static final int HTTP_OK = 200;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private final HttpRequest request;

    /**
     * @param baseUrl the registry's base URL, without trailing slash
     */
    ReadinessProbe(String baseUrl) {
        this.request = HttpRequest.newBuilder(URI.create(baseUrl + READINESS_PATH))
                .timeout(REQUEST_TIMEOUT)
                .GET()
                .build();
    }

    /**
     * @return whether the registry answered 200; a refused connection or any other answer is "not yet"
     * @throws InterruptedException if interrupted while waiting for the answer
     */
    boolean isReady() throws InterruptedException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == HTTP_OK;
        } catch (IOException notListeningYet) {
            return false;
        }
    }
}
