package io.resourcemanager.cost.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import io.resourcemanager.cost.topology.UsageQuery;
import java.util.List;

/** {@code GET /usage}: running usage totals per dimension and kind. */
@Controller("/usage")
class UsageController {

    private final UsageQuery usage;

    UsageController(UsageQuery usage) {
        this.usage = usage;
    }

    @Get
    List<UsageTotalView> totals() {
        return usage.totals().entrySet().stream()
                .map(entry -> new UsageTotalView(entry.getKey().dimension(), entry.getKey().kind(), entry.getValue()))
                .toList();
    }

    /** One running total. */
    @Serdeable
    record UsageTotalView(String dimension, String kind, double quantity) {
    }
}
