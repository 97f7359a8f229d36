package io.resourcemanager.provisioner.testing;

import io.resourcemanager.provisioner.config.PoolCatalog;
import io.resourcemanager.provisioner.domain.PoolSpec;
import io.resourcemanager.provisioner.domain.TemplateSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The pools and templates of SPEC §3, for tests that run without a Micronaut context. */
public final class SpecCatalog {

    private SpecCatalog() {
    }

    public static PoolCatalog get() {
        List<PoolSpec> pools = List.of(
                new PoolSpec("permanent", 3, 10, null, null, null,
                        Map.of("node-pool", "permanent", "worker-type", "permanent"), List.of(), true),
                new PoolSpec("burst", 0, 20, Duration.ofHours(4), Duration.ofHours(12), null,
                        Map.of("node-pool", "burst", "worker-type", "burst"), List.of("workload-type=burst:NoSchedule"),
                        false),
                new PoolSpec("spot", 0, 15, null, null, Duration.ofSeconds(300),
                        Map.of("node-pool", "spot", "worker-type", "spot"),
                        List.of("workload-type=spot:NoSchedule", "preemptible=true:PreferNoSchedule"), false));
        List<TemplateSpec> templates = List.of(
                new TemplateSpec("small", 9001, 4, 8192, 100, 3800, 7680, 100, 0, new BigDecimal("0.12")),
                new TemplateSpec("medium", 9002, 8, 16384, 200, 7800, 15360, 100, 0, new BigDecimal("0.24")));
        return PoolCatalog.of(pools, templates, Map.of("permanent", "medium", "burst", "medium", "spot", "medium"));
    }
}
