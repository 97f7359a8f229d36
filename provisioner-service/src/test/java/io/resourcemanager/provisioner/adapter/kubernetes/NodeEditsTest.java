package io.resourcemanager.provisioner.adapter.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.resourcemanager.kafka.testing.MutableClock;
import io.resourcemanager.provisioner.domain.infra.InfraException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Conflicts injected by a mock API server that answers PATCH with 409 a given number of times. */
@EnableKubernetesMockClient
class NodeEditsTest {

    private static final String PATH = "/api/v1/nodes/burst-1";

    KubernetesMockServer server;
    KubernetesClient client;

    private final RecordingPacer pacer = new RecordingPacer(new MutableClock(Instant.EPOCH));

    @Test
    void shouldApplyTheChangeAgainAfterAConflict() {
        server.expect().get().withPath(PATH).andReturn(200, node()).always();
        server.expect().patch().withPath(PATH).andReturn(409, conflict()).times(2);
        server.expect().patch().withPath(PATH).andReturn(200, node()).once();

        new NodeEdits(client, pacer).edit("burst-1", "cordon node burst-1", n -> new NodeBuilder(n)
                .editOrNewSpec().withUnschedulable(true).endSpec().build());

        assertThat(pacer.pauses()).hasSize(2);
    }

    @Test
    void shouldGiveUpAsRetriableWhenConflictsPersist() {
        server.expect().get().withPath(PATH).andReturn(200, node()).always();
        server.expect().patch().withPath(PATH).andReturn(409, conflict()).always();

        assertThatThrownBy(() -> new NodeEdits(client, pacer).edit("burst-1", "cordon node burst-1",
                n -> new NodeBuilder(n).editOrNewSpec().withUnschedulable(true).endSpec().build()))
                .isInstanceOf(InfraException.Retriable.class)
                .hasMessageContaining("cordon node burst-1 failed: HTTP 409");
        assertThat(pacer.pauses()).hasSize(NodeEdits.ATTEMPTS - 1);
    }

    @Test
    void shouldNotRetryAForbiddenEdit() {
        server.expect().get().withPath(PATH).andReturn(200, node()).always();
        server.expect().patch().withPath(PATH).andReturn(403, new StatusBuilder().withCode(403)
                .withMessage("nodes \"burst-1\" is forbidden").build()).always();

        assertThatThrownBy(() -> new NodeEdits(client, pacer).edit("burst-1", "label node burst-1",
                n -> new NodeBuilder(n).editMetadata().addToLabels("a", "b").endMetadata().build()))
                .isInstanceOf(InfraException.Permanent.class);
        assertThat(pacer.pauses()).isEmpty();
    }

    private static Node node() {
        return new NodeBuilder().withNewMetadata().withName("burst-1").withResourceVersion("7").endMetadata()
                .withNewSpec().endSpec().build();
    }

    private static io.fabric8.kubernetes.api.model.Status conflict() {
        return new StatusBuilder().withCode(409).withReason("Conflict")
                .withMessage("Operation cannot be fulfilled on nodes \"burst-1\": the object has been modified").build();
    }
}
