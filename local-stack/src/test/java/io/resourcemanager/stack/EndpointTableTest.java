package io.resourcemanager.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointTableTest {

    private static final Path REPO = Path.of("repo").toAbsolutePath();

    @Test
    void shouldAlignColumnsAndShowLogsRelativeToTheRepository() {
        List<Endpoint> endpoints = List.of(
                new Endpoint("kafka", "127.0.0.1:9092", List.of(), REPO.resolve(".stack/logs/kafka.log")),
                Endpoint.httpService("ttl", "http://127.0.0.1:8083", REPO.resolve(".stack/logs/ttl.log")));

        List<String> lines = EndpointTable.render(endpoints, REPO).lines().toList();

        assertThat(lines).containsExactly(
                "PART   URL                    HEALTH / METRICS                                               LOG",
                "kafka  127.0.0.1:9092         -                                                              .stack/logs/kafka.log",
                "ttl    http://127.0.0.1:8083  http://127.0.0.1:8083/health http://127.0.0.1:8083/prometheus  .stack/logs/ttl.log");
    }

    @Test
    void shouldShowLogsOutsideTheRepositoryInFull() {
        Path elsewhere = Path.of("elsewhere", "kafka.log").toAbsolutePath();

        String table = EndpointTable.render(List.of(new Endpoint("kafka", "127.0.0.1:9092", List.of(), elsewhere)), REPO);

        assertThat(table).endsWith(elsewhere.toString());
    }
}
