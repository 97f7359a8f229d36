package io.resourcemanager.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class SchemaRegistryIT {

    private static final String CCOMPAT = "/apis/ccompat/v7";
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private final KafkaTestEnvironment env = KafkaTestEnvironment.get();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldListSubjectsOnTheConfluentCompatibleApi() throws Exception {
        HttpResponse<String> response = get(CCOMPAT + "/subjects");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("[");
    }

    @Test
    void shouldReturnARegisteredSchemaById() throws Exception {
        String subject = env.uniqueName("ping-value");
        String schema = "{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Ping\\\","
                + "\\\"fields\\\":[{\\\"name\\\":\\\"id\\\",\\\"type\\\":\\\"string\\\"}]}";

        HttpResponse<String> registered =
                post(CCOMPAT + "/subjects/" + subject + "/versions", "{\"schema\":\"" + schema + "\"}");
        assertThat(registered.statusCode()).isEqualTo(200);
        Matcher id = ID.matcher(registered.body());
        assertThat(id.find()).as("id in %s", registered.body()).isTrue();

        HttpResponse<String> fetched = get(CCOMPAT + "/schemas/ids/" + id.group(1));
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).contains("Ping").contains("\"schemaType\":\"AVRO\"");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        HttpRequest request = request(path)
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(env.registryBaseUrl() + path)).header("Accept", CONTENT_TYPE);
    }
}
