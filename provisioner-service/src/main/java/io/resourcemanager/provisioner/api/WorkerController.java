package io.resourcemanager.provisioner.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.resourcemanager.events.DecommissionWorker;
import io.resourcemanager.provisioner.adapter.ProvisioningCommands;
import io.resourcemanager.provisioner.config.PoolCatalog;
import io.resourcemanager.provisioner.domain.ObservedNode;
import io.resourcemanager.provisioner.domain.PoolSpec;
import io.resourcemanager.provisioner.domain.WorkerLabels;
import io.resourcemanager.provisioner.domain.infra.ClusterNodes;
import io.resourcemanager.provisioner.saga.SagaStore;
import io.resourcemanager.provisioner.saga.WorkOrders;
import io.resourcemanager.provisioner.saga.WorkerDirectory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Single workers over REST: list, remove ({@code DELETE /workers/{name}?force=}), drain, cordon,
 * uncordon, and reclaim notices for preemptible workers. Control-plane nodes are not workers; workers
 * of protected pools are removed only with {@code force=true} (403 otherwise, with the reason).
 */
@Controller("/workers")
@ExecuteOn(TaskExecutors.BLOCKING)
class WorkerController {

    private final WorkerDirectory workers;
    private final PoolCatalog catalog;
    private final ProvisioningCommands commands;
    private final WorkOrders orders;
    private final ClusterNodes nodes;
    private final SagaStore sagas;

    WorkerController(WorkerDirectory workers, PoolCatalog catalog, ProvisioningCommands commands, WorkOrders orders,
                     ClusterNodes nodes, SagaStore sagas) {
        this.workers = workers;
        this.catalog = catalog;
        this.commands = commands;
        this.orders = orders;
        this.nodes = nodes;
        this.sagas = sagas;
    }

    @Get
    List<Map<String, Object>> list() {
        return workers.knownWorkers().stream().sorted(java.util.Comparator.comparing(ObservedNode::name))
                .map(this::view).toList();
    }

    @Get("/{name}")
    HttpResponse<Map<String, Object>> get(String name) {
        return workers.find(name).<HttpResponse<Map<String, Object>>>map(worker -> HttpResponse.ok(view(worker)))
                .orElseGet(() -> unknown(name));
    }

    @Delete("/{name}")
    HttpResponse<Map<String, Object>> remove(String name, @QueryValue(defaultValue = "false") boolean force,
                                             @Nullable @QueryValue String reason) {
        ObservedNode worker = workers.find(name).orElse(null);
        if (worker == null) {
            return unknown(name);
        }
        if (isProtected(worker) && !force) {
            return ApiErrors.of(HttpStatus.FORBIDDEN, "worker " + name + " is protected (pool " + worker.pool()
                    + "): automation never destroys it; an operator may remove it with force=true");
        }
        DecommissionWorker command = commands.decommission(worker.pool(), name, force,
                reason == null ? "operator: remove" : reason);
        orders.decommission(command);
        return HttpResponse.accepted().body(Map.of("worker", name, "command_id", command.getCommandId()));
    }

    @Post("/{name}/drain")
    HttpResponse<Map<String, Object>> drain(String name) {
        return orders.drain(name, UUID.randomUUID().toString(), "operator: drain")
                .<HttpResponse<Map<String, Object>>>map(saga -> HttpResponse.accepted().body(Map.of("worker", name, "saga_id", saga.sagaId())))
                .orElseGet(() -> unknown(name));
    }

    @Post("/{name}/cordon")
    HttpResponse<Map<String, Object>> cordon(String name) {
        return setSchedulable(name, false);
    }

    @Post("/{name}/uncordon")
    HttpResponse<Map<String, Object>> uncordon(String name) {
        return setSchedulable(name, true);
    }

    @Post("/{name}/reclaim")
    HttpResponse<Map<String, Object>> reclaim(String name, @Nullable @Body Map<String, Object> body) {
        ObservedNode worker = workers.find(name).orElse(null);
        if (worker == null) {
            return unknown(name);
        }
        PoolSpec pool = catalog.pool(worker.pool()).orElse(null);
        if (pool == null || pool.preemptionGrace() == null) {
            throw new InvalidInputException("name", "worker " + name + " is not preemptible (pool " + worker.pool() + ")");
        }
        long grace = RequestBodies.optionalInt(body, "grace_seconds", 0)
                .map(Integer::longValue).orElse(pool.preemptionGrace().toSeconds());
        String commandId = commands.reclaim(worker.pool(), name, grace, "preemption notice");
        return HttpResponse.accepted().body(Map.of("worker", name, "grace_seconds", grace, "command_id", commandId));
    }

    private HttpResponse<Map<String, Object>> setSchedulable(String name, boolean schedulable) {
        if (workers.find(name).isEmpty()) {
            return unknown(name);
        }
        nodes.cordon(name, !schedulable);
        return HttpResponse.ok(Map.of("worker", name, "schedulable", schedulable));
    }

    private boolean isProtected(ObservedNode worker) {
        return worker.isProtected() || catalog.pool(worker.pool()).map(PoolSpec::protectedPool).orElse(false);
    }

    private Map<String, Object> view(ObservedNode worker) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", worker.name());
        view.put("pool", worker.pool());
        view.put("template", worker.template());
        view.put("vm_id", WorkerLabels.vmId(worker.labels()).orElse(null));
        view.put("ready", worker.ready());
        view.put("schedulable", worker.schedulable());
        view.put("protected", isProtected(worker));
        view.put("ttl_deadline", WorkerLabels.deadline(worker.labels()).map(Object::toString).orElse(null));
        view.put("saga", sagas.activeFor(worker.name()).map(saga -> saga.sagaId() + " (" + saga.step() + ")").orElse(null));
        return view;
    }

    private static HttpResponse<Map<String, Object>> unknown(String name) {
        return ApiErrors.of(HttpStatus.NOT_FOUND, "Unknown worker " + name
                + " (control-plane nodes and nodes outside the worker pools are not managed)");
    }
}
