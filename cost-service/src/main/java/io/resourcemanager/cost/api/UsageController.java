package io.resourcemanager.cost.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import io.resourcemanager.cost.topology.UsageQuery;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/** {@code GET /usage}: running usage totals per dimension and kind. */
@Controller("/usage")
class UsageController {

    private final UsageQuery usage;

    UsageController(UsageQuery usage) {
        this.usage = usage;
    }

    @Get
    HttpResponse<?> totals() {
        try {
            List<UsageTotalView> totals = usage.totals().entrySet().stream()
                    .map(entry -> new UsageTotalView(entry.getKey().dimension(), entry.getKey().kind(), entry.getValue()))
                    .toList();
            return HttpResponse.ok(totals);
        } catch (InvalidStateStoreException e) {
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(Map.of("error", "Usage totals are not available yet: the store is restoring"));
        }
    }

    /** One running total. */
    @Serdeable
    record UsageTotalView(String dimension, String kind, double quantity) {
    }
}
