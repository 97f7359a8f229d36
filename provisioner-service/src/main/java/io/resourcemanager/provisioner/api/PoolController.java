package io.resourcemanager.provisioner.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.resourcemanager.provisioner.adapter.InventorySync;
import io.resourcemanager.provisioner.config.PoolCatalog;
import io.resourcemanager.provisioner.domain.ObservedNode;
import io.resourcemanager.provisioner.domain.PoolSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /pools} and {@code GET /pools/{name}}: each pool's bounds, TTLs and workers by state. */
@Controller("/pools")
class PoolController {

    private final PoolCatalog catalog;
    private final InventorySync inventory;

    PoolController(PoolCatalog catalog, InventorySync inventory) {
        this.catalog = catalog;
        this.inventory = inventory;
    }

    @Get
    List<Map<String, Object>> pools() {
        List<ObservedNode> workers = inventory.knownWorkers();
        return catalog.pools().values().stream().sorted(java.util.Comparator.comparing(PoolSpec::name))
                .map(pool -> view(pool, workers)).toList();
    }

    @Get("/{name}")
    HttpResponse<Map<String, Object>> pool(String name) {
        return catalog.pool(name).map(pool -> HttpResponse.ok(view(pool, inventory.knownWorkers())))
                .orElseGet(() -> HttpResponse.notFound(Map.of("status", "error", "error", "Unknown pool " + name)));
    }

    private static Map<String, Object> view(PoolSpec pool, List<ObservedNode> workers) {
        List<ObservedNode> members = workers.stream().filter(worker -> worker.pool().equals(pool.name())).toList();
        Map<String, Object> states = new LinkedHashMap<>();
        states.put("ready", members.stream().filter(w -> w.ready() && w.schedulable()).count());
        states.put("cordoned", members.stream().filter(w -> w.ready() && !w.schedulable()).count());
        states.put("not_ready", members.stream().filter(w -> !w.ready()).count());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", pool.name());
        view.put("min", pool.min());
        view.put("max", pool.max());
        view.put("workers", members.size());
        view.put("nodes", states);
        view.put("default_ttl_hours", hours(pool.defaultTtl()));
        view.put("max_ttl_hours", hours(pool.maxTtl()));
        view.put("protected", pool.protectedPool());
        view.put("labels", pool.labels());
        view.put("taints", pool.taints());
        return view;
    }

    private static Double hours(Duration duration) {
        return duration == null ? null : duration.toMinutes() / 60.0;
    }
}
