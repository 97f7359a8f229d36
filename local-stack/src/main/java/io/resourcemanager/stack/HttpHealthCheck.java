package io.resourcemanager.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A part is healthy when a GET on its health URL answers 200. */
public final class HttpHealthCheck implements HealthCheck {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
    private static final int OK = 200;

    private final URI url;

    /** @param url the health URL */
    public HttpHealthCheck(String url) {
        this.url = URI.create(url);
    }

    @Override
    public boolean isHealthy() {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT).GET().build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == OK;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String toString() {
        return url.toString();
    }
}
