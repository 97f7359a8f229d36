package io.resourcemanager.simulator.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** A small Proxmox API client over real HTTP, the way an adapter talks to Proxmox. */
public final class ProxmoxHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String authorization;

    /**
     * @param baseUrl the simulator's Proxmox URL (without /api2/json)
     * @param token the token, or null to send no Authorization header
     */
    public ProxmoxHttp(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.authorization = token == null ? null : "PVEAPIToken=" + token;
    }

    /** An answer: status and parsed JSON body. */
    public record Answer(int status, JsonNode body) {

        /** The {@code data} member of a Proxmox answer. */
        public JsonNode data() {
            return body.get("data");
        }
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    public Answer post(String path, Map<String, String> form) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    public Answer put(String path, Map<String, String> form) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .PUT(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    public Answer postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer delete(String path) {
        return send(request(path).DELETE());
    }

    /** Polls a task until it stops and returns its exit status. */
    public String awaitTask(String node, String upid) {
        String path = "/api2/json/nodes/" + node + "/tasks/" + URLEncoder.encode(upid, StandardCharsets.UTF_8) + "/status";
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> get(path).data(), data -> "stopped".equals(data.get("status").asText()))
                .get("exitstatus").asText();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(5));
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
