package io.resourcemanager.provisioner.saga;

import io.micronaut.context.annotation.Value;
import io.resourcemanager.events.EventHeader;
import io.resourcemanager.provisioner.domain.saga.WorkerSaga;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Headers of the events a saga publishes, correlated by the command that started it. */
@Singleton
final class SagaHeaders {

    private final String producer;
    private final Clock clock;

    SagaHeaders(@Value("${micronaut.application.name}") String producer, Clock clock) {
        this.producer = producer;
        this.clock = clock;
    }

    String producer() {
        return producer;
    }

    EventHeader of(WorkerSaga saga) {
        return SagaRecords.header(saga, producer, clock);
    }
}
