package io.resourcemanager.provisioner.adapter.proxmox;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Looks at the simulated Proxmox behind the adapter's back, as an operator with the API would. */
final class ProxmoxProbe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String api;
    private final String authorization;

    ProxmoxProbe(String baseUrl, String token) {
        this.api = baseUrl + "/api2/json/nodes/pve1/qemu";
        this.authorization = "PVEAPIToken=" + token;
    }

    /** Names of all guests (templates excluded), one entry per VM. */
    List<String> vmNames() {
        List<String> names = new ArrayList<>();
        for (JsonNode vm : get(api).get("data")) {
            if (vm.get("template").asInt() == 0) {
                names.add(vm.get("name").asText());
            }
        }
        return names;
    }

    /** One key of a VM's config. */
    String config(int vmId, String key) {
        return get(api + "/" + vmId + "/config").get("data").path(key).asText();
    }

    /** Starts cloning {@code template} as {@code name} under {@code vmId} without waiting for the task. */
    void startClone(int template, int vmId, String name) {
        String form = Map.of("newid", Integer.toString(vmId), "name", name).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        send(HttpRequest.newBuilder(URI.create(api + "/" + template + "/clone"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private JsonNode get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.header("Authorization", authorization)
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Proxmox answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
