package io.resourcemanager.provisioner.config;

import io.resourcemanager.provisioner.domain.PoolSpec;
import io.resourcemanager.provisioner.domain.TemplateSpec;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The configured pools and templates, by name. */
@Singleton
public final class PoolCatalog {

    private final Map<String, PoolSpec> pools = new TreeMap<>();
    private final Map<String, TemplateSpec> templates = new TreeMap<>();
    private final Map<String, String> defaultTemplates = new TreeMap<>();

    @Inject
    PoolCatalog(List<PoolProperties> pools, List<TemplateProperties> templates) {
        pools.forEach(pool -> this.pools.put(pool.name(), pool.toSpec()));
        pools.stream().filter(pool -> pool.defaultTemplate() != null)
                .forEach(pool -> defaultTemplates.put(pool.name(), pool.defaultTemplate()));
        templates.forEach(template -> this.templates.put(template.name(), template.toSpec()));
    }

    private PoolCatalog() {
    }

    /** A catalogue of these pools and templates; {@code defaultTemplates} maps pool to template. */
    public static PoolCatalog of(Collection<PoolSpec> pools, Collection<TemplateSpec> templates,
                                 Map<String, String> defaultTemplates) {
        PoolCatalog catalog = new PoolCatalog();
        pools.forEach(pool -> catalog.pools.put(pool.name(), pool));
        templates.forEach(template -> catalog.templates.put(template.name(), template));
        catalog.defaultTemplates.putAll(defaultTemplates);
        return catalog;
    }

    public Optional<PoolSpec> pool(String name) {
        return Optional.ofNullable(pools.get(name));
    }

    public Optional<TemplateSpec> template(String name) {
        return Optional.ofNullable(templates.get(name));
    }

    /** The template a pool's workers are built from when a request names none. */
    public Optional<String> defaultTemplate(String pool) {
        return Optional.ofNullable(defaultTemplates.get(pool));
    }

    /** Every pool, by name. */
    public Map<String, PoolSpec> pools() {
        return Map.copyOf(pools);
    }

    /** Every template, by name. */
    public Map<String, TemplateSpec> templates() {
        return Map.copyOf(templates);
    }
}
