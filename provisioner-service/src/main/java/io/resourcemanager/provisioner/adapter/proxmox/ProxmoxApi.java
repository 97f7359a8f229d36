package io.resourcemanager.provisioner.adapter.proxmox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.retry.exception.CircuitOpenException;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.ssl.ClientSslConfiguration;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.retry.annotation.CircuitBreaker;
import io.resourcemanager.provisioner.domain.infra.InfraException;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Proxmox VE REST API at the level of single requests: authentication, TLS, timeouts, error
 * classification, and retries behind a circuit breaker.
 *
 * <p>{@link #send} either returns an {@link ProxmoxAnswer} that repeating would not change (a success or
 * a definite refusal: 4xx, or a 5xx whose text says the VM does not exist, already exists, ...), or
 * throws {@link InfraException.Retriable} (429, other 5xx, I/O errors, timeouts). Only the latter are
 * retried, with exponential backoff, and only they count against the circuit breaker; a definite refusal
 * reaches the caller after exactly one request.
 *
 * <p>Retry and breaker are Micronaut's {@code @CircuitBreaker} (configured under {@code rm.proxmox.retry}
 * and {@code rm.proxmox.breaker}), one circuit for all Proxmox requests since they all go through this
 * one method. How it maps to SPEC §4: a request is tried {@code attempts + 1} times (default 3 tries),
 * waiting {@code delay} (100 ms) multiplied by {@code multiplier} (2) before each retry; Micronaut's
 * {@code max-delay} (30 s) bounds the sum of these waits of one call rather than each wait. The circuit
 * opens when one call has failed all its tries (three failed requests in a row by default, not SPEC's
 * five failures counted across calls); while open, calls fail at once with the last
 * {@link InfraException.Retriable}, without a request; after {@code reset} (60 s) it half-opens and the
 * next call is the trial: success closes it, failure opens it again (one trial call, not three). In
 * Micronaut 4 the attempt counter of a circuit is shared by concurrent calls.
 *
 * <p>TLS: {@code rm.proxmox.verify-tls=false} makes the client trust any certificate (Micronaut's
 * {@code insecure-trust-all-certificates}); otherwise the JVM's trust store decides, so a private CA is
 * added there.
 */
@Singleton
@Requires(property = ProxmoxProperties.PREFIX + ".url")
public class ProxmoxApi implements AutoCloseable {

    /** Path of the API below the base URL. */
    static final String API_PATH = "/api2/json";

    private static final Logger LOG = LoggerFactory.getLogger(ProxmoxApi.class);

    private final HttpClient client;
    private final JsonMapper json;
    private final String authorization;
    private final Duration reset;

    ProxmoxApi(ProxmoxProperties properties, JsonMapper json) {
        this.reset = properties.breaker().reset();
        this.client = HttpClient.create(url(properties.baseUrl()), clientConfiguration(properties));
        this.json = json;
        this.authorization = "PVEAPIToken=" + properties.token().strip();
    }

    /**
     * Sends one request, retried on retriable failures behind the circuit breaker.
     *
     * @return the answer, when repeating could not change it
     * @throws InfraException.Retriable when the request (and its retries) failed in a way that may pass, or
     *         at once while the circuit is open
     */
    @CircuitBreaker(attempts = ProxmoxProperties.ATTEMPTS, delay = ProxmoxProperties.DELAY,
            multiplier = ProxmoxProperties.MULTIPLIER, maxDelay = ProxmoxProperties.MAX_DELAY,
            reset = ProxmoxProperties.RESET, includes = InfraException.Retriable.class, throwWrappedException = true)
    public ProxmoxAnswer send(ProxmoxRequest request) {
        try {
            HttpResponse<String> response = client.toBlocking().exchange(httpRequest(request), String.class);
            return new ProxmoxAnswer(request, response.code(), data(response.getBody().orElse(null)), "");
        } catch (HttpClientResponseException e) {
            return refusal(request, e);
        } catch (HttpClientException e) {
            LOG.warn("Proxmox {} failed: {}", request, e.getMessage());
            throw new InfraException.Retriable("Proxmox " + request + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Sends one request like {@link #send}; while the circuit is open the failure says how long until it
     * half-opens, so callers wait for it instead of spending their own retries.
     */
    public ProxmoxAnswer call(ProxmoxRequest request) {
        try {
            return send(request);
        } catch (CircuitOpenException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new InfraException.Retriable("Proxmox circuit open after repeated failures: " + cause.getMessage(),
                    cause, reset);
        }
    }

    @PreDestroy
    @Override
    public void close() {
        client.close();
    }

    private MutableHttpRequest<?> httpRequest(ProxmoxRequest request) {
        URI uri = URI.create(API_PATH + request.pathAndQuery());
        MutableHttpRequest<?> http = request.hasBody()
                ? HttpRequest.create(HttpMethod.parse(request.method()), uri.toString())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        .body(request.encodedParams())
                : HttpRequest.create(HttpMethod.parse(request.method()), uri.toString());
        return http.header("Authorization", authorization).accept(MediaType.APPLICATION_JSON_TYPE);
    }

    private ProxmoxAnswer refusal(ProxmoxRequest request, HttpClientResponseException e) {
        HttpResponse<?> response = e.getResponse();
        int status = response.code();
        String body = response.getBody(String.class).orElse("");
        String message = message(response.reason(), body);
        if (ProxmoxErrors.retriable(status, message)) {
            LOG.warn("Proxmox {} answered {}: {}", request, status, message);
            throw new InfraException.Retriable("Proxmox " + request + " answered " + status + ": " + message, e);
        }
        LOG.debug("Proxmox {} refused with {}: {}", request, status, message);
        return new ProxmoxAnswer(request, status, JsonNode.nullNode(), message);
    }

    /** The reason of a refusal: the body's {@code message} (or the status line), with per-parameter errors. */
    private String message(String reason, String body) {
        JsonNode tree = parse(body);
        JsonNode message = tree.get("message");
        String text = message != null && message.isString() ? message.getStringValue().strip() : reason;
        JsonNode errors = tree.get("errors");
        if (errors != null && errors.isObject() && errors.size() > 0) {
            text += " " + streamEntries(errors);
        }
        return text;
    }

    private static String streamEntries(JsonNode errors) {
        StringBuilder text = new StringBuilder("{");
        for (Map.Entry<String, JsonNode> error : errors.entries()) {
            text.append(text.length() > 1 ? ", " : "").append(error.getKey()).append(": ")
                    .append(error.getValue().coerceStringValue());
        }
        return text.append('}').toString();
    }

    private JsonNode data(String body) {
        JsonNode data = parse(body).get("data");
        return data == null ? JsonNode.nullNode() : data;
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JsonNode.createObjectNode(Map.of());
        }
        try {
            JsonNode tree = json.readValue(body.getBytes(StandardCharsets.UTF_8), JsonNode.class);
            return tree.isObject() ? tree : JsonNode.createObjectNode(Map.of());
        } catch (IOException e) {
            return JsonNode.createObjectNode(Map.of());
        }
    }

    private static DefaultHttpClientConfiguration clientConfiguration(ProxmoxProperties properties) {
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setConnectTimeout(properties.connectTimeout());
        configuration.setReadTimeout(properties.readTimeout());
        ClientSslConfiguration ssl = new ClientSslConfiguration();
        ssl.setInsecureTrustAllCertificates(!properties.verifyTls());
        configuration.setSslConfiguration(ssl);
        if (!properties.verifyTls()) {
            LOG.warn("TLS certificate verification of Proxmox {} is off (rm.proxmox.verify-tls=false)",
                    properties.baseUrl());
        }
        return configuration;
    }

    private static URL url(String value) {
        try {
            return URI.create(value).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("rm.proxmox.url is not a URL: " + value, e);
        }
    }
}
