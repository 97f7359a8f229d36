package io.resourcemanager.provisioner.autoscale;

import io.resourcemanager.provisioner.config.PoolCatalog;
import io.resourcemanager.provisioner.domain.PoolSpec;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A pool the autoscaler looks after, with the template its new workers are built from.
 *
 * @param spec the pool
 * @param template its default template, or null when none is configured (the pool is then never grown)
 */
record AutoscaledPool(PoolSpec spec, String template) {

    AutoscaledPool {
        Objects.requireNonNull(spec, "spec");
    }

    /** Every pool of the catalogue, by name. */
    static List<AutoscaledPool> from(PoolCatalog catalog) {
        return catalog.pools().values().stream()
                .sorted(Comparator.comparing(PoolSpec::name))
                .map(pool -> new AutoscaledPool(pool, catalog.defaultTemplate(pool.name()).orElse(null)))
                .toList();
    }

    String name() {
        return spec.name();
    }
}
