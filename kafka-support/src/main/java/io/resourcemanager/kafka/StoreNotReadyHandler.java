package io.resourcemanager.kafka;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Map;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * Read APIs answer 503 while a Streams store is restoring or rebalancing, instead of a 500: the
 * caller may simply try again.
 */
@Singleton
@Requires(classes = ExceptionHandler.class)
final class StoreNotReadyHandler implements ExceptionHandler<InvalidStateStoreException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, InvalidStateStoreException exception) {
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("error", "The state store behind " + request.getPath()
                        + " is not ready yet (restoring or rebalancing); try again shortly"));
    }
}
