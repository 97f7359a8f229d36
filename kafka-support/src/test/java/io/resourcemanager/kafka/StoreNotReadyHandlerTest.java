package io.resourcemanager.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.Test;

class StoreNotReadyHandlerTest {

    @Test
    void shouldAnswerServiceUnavailableNamingThePathWhileAStoreRestores() {
        HttpResponse<?> response = new StoreNotReadyHandler()
                .handle(HttpRequest.GET("/capacity"), new InvalidStateStoreException("restoring"));

        assertThat(response.code()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.getCode());
        assertThat(response.getBody().orElseThrow().toString()).contains("/capacity");
    }
}
