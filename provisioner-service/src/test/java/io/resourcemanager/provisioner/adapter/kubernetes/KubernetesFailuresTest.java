package io.resourcemanager.provisioner.adapter.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.resourcemanager.provisioner.domain.infra.InfraException;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class KubernetesFailuresTest {

    @ParameterizedTest
    @ValueSource(ints = {409, 429, 500, 503, 504})
    void shouldTreatConflictsRateLimitsAndServerErrorsAsRetriable(int code) {
        assertThat(KubernetesFailures.classify("label node n1", failure(code))).isInstanceOf(InfraException.Retriable.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 422})
    void shouldTreatRefusedRequestsAsPermanent(int code) {
        assertThat(KubernetesFailures.classify("label node n1", failure(code))).isInstanceOf(InfraException.Permanent.class);
    }

    @Test
    void shouldTreatAFailureWithoutResponseAsRetriableAndSayWhatFailed() {
        KubernetesClientException io = new KubernetesClientException("connection refused", new IOException("refused"));

        InfraException classified = KubernetesFailures.classify("cordon node n1", io);

        assertThat(classified).isInstanceOf(InfraException.Retriable.class);
        assertThat(classified.getMessage()).startsWith("cordon node n1 failed: ").contains("connection refused");
    }

    private static KubernetesClientException failure(int code) {
        return new KubernetesClientException(new StatusBuilder().withCode(code).withMessage("nope " + code).build());
    }
}
