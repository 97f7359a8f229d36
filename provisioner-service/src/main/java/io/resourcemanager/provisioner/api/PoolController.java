package io.resourcemanager.provisioner.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.resourcemanager.events.DecommissionWorker;
import io.resourcemanager.events.ProvisionWorkers;
import io.resourcemanager.provisioner.adapter.ProvisioningCommands;
import io.resourcemanager.provisioner.budget.EnforcedPools;
import io.resourcemanager.provisioner.config.PoolCatalog;
import io.resourcemanager.provisioner.domain.ManualScale;
import io.resourcemanager.provisioner.domain.ObservedNode;
import io.resourcemanager.provisioner.domain.PoolSpec;
import io.resourcemanager.provisioner.domain.saga.SagaKind;
import io.resourcemanager.provisioner.saga.WorkOrders;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pools over REST: {@code GET /pools}, {@code GET /pools/{name}} (bounds, TTLs, desired size, workers by
 * state, why it may not grow while a budget is enforced on it),
 * {@code POST /pools/{name}/scale {count, template, ttl_hours, force}} and
 * {@code POST /pools/{name}/workers {template, ttl_hours}} (one more worker). Changes are accepted
 * (202) once the commands are on Kafka. Growing a pool an enforced budget names is refused (403 with the
 * enforcement's reason; 503 while the enforcements are still being read at start).
 */
@Controller("/pools")
@ExecuteOn(TaskExecutors.BLOCKING)
class PoolController {

    private static final Logger LOG = LoggerFactory.getLogger(PoolController.class);

    private final PoolCatalog catalog;
    private final PoolStatus status;
    private final ProvisioningCommands commands;
    private final WorkOrders orders;
    private final EnforcedPools budgets;
    private final Map<String, Object> poolLocks = new ConcurrentHashMap<>();

    PoolController(PoolCatalog catalog, PoolStatus status, ProvisioningCommands commands, WorkOrders orders,
                   EnforcedPools budgets) {
        this.catalog = catalog;
        this.status = status;
        this.commands = commands;
        this.orders = orders;
        this.budgets = budgets;
    }

    @Get
    List<Map<String, Object>> pools() {
        return catalog.pools().values().stream().sorted(Comparator.comparing(PoolSpec::name)).map(this::view).toList();
    }

    @Get("/{name}")
    HttpResponse<Map<String, Object>> pool(String name) {
        return catalog.pool(name).<HttpResponse<Map<String, Object>>>map(pool -> HttpResponse.ok(view(pool)))
                .orElseGet(() -> ApiErrors.of(HttpStatus.NOT_FOUND, "Unknown pool " + name));
    }

    @Post("/{name}/scale")
    HttpResponse<Map<String, Object>> scale(String name, @Body Map<String, Object> body) {
        PoolSpec pool = pool(name, "name");
        int count = RequestBodies.requiredInt(body, "count", 0);
        String template = template(pool, body);
        Integer ttlHours = ttlHours(pool, body);
        boolean force = RequestBodies.optionalBoolean(body, "force");
        synchronized (poolLocks.computeIfAbsent(pool.name(), key -> new Object())) {
            return scale(pool, count, template, ttlHours, force);
        }
    }

    /** Plans and starts one scale request; requests for one pool run one at a time, each seeing the last. */
    private HttpResponse<Map<String, Object>> scale(PoolSpec pool, int count, String template, Integer ttlHours,
                                                    boolean force) {
        ManualScale.Order order = ManualScale.plan(pool, count, status.loads(pool),
                status.underway(pool, SagaKind.PROVISION).size(), force, budgets.refusal(pool.name()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("pool", pool.name());
        answer.put("count", count);
        if (order instanceof ManualScale.OutOfBounds refusal) {
            throw new InvalidInputException("count", refusal.reason());
        }
        if (order instanceof ManualScale.Protected refusal) {
            return ApiErrors.of(HttpStatus.FORBIDDEN, refusal.reason());
        }
        if (order instanceof ManualScale.Refused refusal) {
            return refuseGrowth(pool, "scale to " + count, refusal.reason());
        }
        if (order instanceof ManualScale.Grow grow) {
            answer.put("from", grow.from());
            answer.put("provisioning", grow.count());
            ProvisionWorkers command = commands.provision(pool.name(), template, grow.count(), ttlHours,
                    "operator: scale " + pool.name() + " to " + count);
            orders.provision(command);
            answer.put("command_id", command.getCommandId());
        } else if (order instanceof ManualScale.Shrink shrink) {
            answer.put("from", shrink.from());
            answer.put("removing", shrink.nodes());
            answer.put("command_ids", shrink.nodes().stream().map(node -> {
                DecommissionWorker command = commands.decommission(pool.name(), node, force,
                        "operator: scale " + pool.name() + " to " + count);
                orders.decommission(command);
                return command.getCommandId();
            }).toList());
        } else {
            answer.put("from", ((ManualScale.Unchanged) order).size());
        }
        return HttpResponse.accepted().body(answer);
    }

    @Post("/{name}/workers")
    HttpResponse<Map<String, Object>> addWorker(String name, @Body Map<String, Object> body) {
        PoolSpec pool = pool(name, "name");
        String template = template(pool, body);
        Integer ttlHours = ttlHours(pool, body);
        synchronized (poolLocks.computeIfAbsent(pool.name(), key -> new Object())) {
            Optional<String> refusal = budgets.refusal(pool.name());
            if (refusal.isPresent()) {
                return refuseGrowth(pool, "one more worker", refusal.get());
            }
            int desired = status.desired(pool);
            if (desired + 1 > pool.max()) {
                throw new InvalidInputException("name", "pool " + pool.name() + " is at its maximum of " + pool.max()
                        + " workers (" + desired + " present or on their way)");
            }
            ProvisionWorkers command = commands.provision(pool.name(), template, 1, ttlHours, "operator: one more worker");
            orders.provision(command);
            return HttpResponse.accepted().body(Map.of("pool", pool.name(), "template", template,
                    "command_id", command.getCommandId()));
        }
    }

    /** 403 naming the enforced budget's reason; 503 while the enforcements are still being read. */
    private HttpResponse<Map<String, Object>> refuseGrowth(PoolSpec pool, String request, String reason) {
        LOG.info("Refused {} of pool {}: {}", request, pool.name(), reason);
        return ApiErrors.of(budgets.ready() ? HttpStatus.FORBIDDEN : HttpStatus.SERVICE_UNAVAILABLE, reason);
    }

    private PoolSpec pool(String name, String field) {
        return catalog.pool(name).orElseThrow(() -> new InvalidInputException(field, "Unknown pool " + name
                + "; pools: " + catalog.pools().keySet()));
    }

    private String template(PoolSpec pool, Map<String, Object> body) {
        String template = RequestBodies.optionalText(body, "template").or(() -> catalog.defaultTemplate(pool.name()))
                .orElseThrow(() -> new InvalidInputException("template", "template is required: pool " + pool.name()
                        + " has no default template"));
        if (catalog.template(template).isEmpty()) {
            throw new InvalidInputException("template", "Unknown template " + template + "; templates: "
                    + catalog.templates().keySet());
        }
        return template;
    }

    private static Integer ttlHours(PoolSpec pool, Map<String, Object> body) {
        Integer hours = RequestBodies.optionalInt(body, "ttl_hours", 1).orElse(null);
        if (hours != null && pool.maxTtl() == null && pool.defaultTtl() == null) {
            throw new InvalidInputException("ttl_hours", "pool " + pool.name() + " has no TTL: its workers are not temporary");
        }
        if (hours != null && pool.maxTtl() != null && Duration.ofHours(hours).compareTo(pool.maxTtl()) > 0) {
            throw new InvalidInputException("ttl_hours", "ttl_hours " + hours + " exceeds the maximum TTL of pool "
                    + pool.name() + " (" + pool.maxTtl().toHours() + " h)");
        }
        return hours;
    }

    private Map<String, Object> view(PoolSpec pool) {
        List<ObservedNode> members = status.members(pool);
        Map<String, Object> states = new LinkedHashMap<>();
        states.put("ready", members.stream().filter(w -> w.ready() && w.schedulable()).count());
        states.put("cordoned", members.stream().filter(w -> w.ready() && !w.schedulable()).count());
        states.put("not_ready", members.stream().filter(w -> !w.ready()).count());
        states.put("provisioning", status.underway(pool, SagaKind.PROVISION).size());
        states.put("removing", status.underway(pool, SagaKind.DECOMMISSION).size());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", pool.name());
        view.put("min", pool.min());
        view.put("max", pool.max());
        view.put("desired", status.desired(pool));
        view.put("workers", members.size());
        view.put("nodes", states);
        view.put("default_ttl_hours", hours(pool.defaultTtl()));
        view.put("max_ttl_hours", hours(pool.maxTtl()));
        view.put("protected", pool.protectedPool());
        view.put("scale_up_refused", budgets.refusal(pool.name()).orElse(null));
        view.put("labels", pool.labels());
        view.put("taints", pool.taints());
        return view;
    }

    private static Double hours(Duration duration) {
        return duration == null ? null : duration.toMinutes() / 60.0;
    }
}
