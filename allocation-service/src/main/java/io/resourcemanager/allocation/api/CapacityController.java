package io.resourcemanager.allocation.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.resourcemanager.allocation.topology.CapacityQuery;
import java.util.Map;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/** {@code GET /capacity}: the capacity of the Ready, schedulable, healthy nodes, overall and per pool. */
@Controller("/capacity")
class CapacityController {

    private final CapacityQuery capacity;

    CapacityController(CapacityQuery capacity) {
        this.capacity = capacity;
    }

    @Get
    HttpResponse<?> capacity() {
        try {
            return HttpResponse.ok(CapacityView.of(capacity.current()));
        } catch (InvalidStateStoreException e) {
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(Map.of("error", "Capacity is not available yet: the node store is restoring"));
        }
    }
}
