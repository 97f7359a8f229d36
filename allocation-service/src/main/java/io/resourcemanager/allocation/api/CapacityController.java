package io.resourcemanager.allocation.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.resourcemanager.allocation.topology.CapacityQuery;

/** {@code GET /capacity}: the capacity of the Ready, schedulable, healthy nodes, overall and per pool. */
@Controller("/capacity")
class CapacityController {

    private final CapacityQuery capacity;

    CapacityController(CapacityQuery capacity) {
        this.capacity = capacity;
    }

    @Get
    CapacityView capacity() {
        return CapacityView.of(capacity.current());
    }
}
