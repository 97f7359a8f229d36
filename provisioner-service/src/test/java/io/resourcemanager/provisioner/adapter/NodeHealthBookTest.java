package io.resourcemanager.provisioner.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.resourcemanager.provisioner.domain.Health;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NodeHealthBookTest {

    private final NodeHealthBook book = new NodeHealthBook();

    @Test
    void shouldKeepTheLatestJudgementOfEachNode() {
        book.record("worker-a", Optional.of(Health.UNHEALTHY));
        book.record("worker-b", Optional.of(Health.DEGRADED));
        book.record("worker-a", Optional.of(Health.HEALTHY));

        assertThat(book.judged("worker-a")).contains(Health.HEALTHY);
        assertThat(book.judged("worker-b")).contains(Health.DEGRADED);
        assertThat(book.judged("worker-c")).isEmpty();
    }

    @Test
    void shouldForgetAJudgementWhenTheHealthServiceHasNoneAnyMore() {
        book.record("worker-a", Optional.of(Health.UNHEALTHY));

        book.record("worker-a", Optional.empty());

        assertThat(book.judged("worker-a")).isEmpty();
    }

    @Test
    void shouldForgetANodeThatLeft() {
        book.record("worker-a", Optional.of(Health.UNHEALTHY));

        book.forget("worker-a");

        assertThat(book.judged("worker-a")).isEmpty();
    }
}
