package io.resourcemanager.provisioner.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.resourcemanager.provisioner.domain.saga.WorkerSaga;
import io.resourcemanager.provisioner.saga.SagaStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /sagas?active=true} and {@code GET /sagas/{id}}: where provisionings, removals and repairs stand. */
@Controller("/sagas")
class SagaController {

    private final SagaStore sagas;

    SagaController(SagaStore sagas) {
        this.sagas = sagas;
    }

    @Get
    List<Map<String, Object>> list(@QueryValue(defaultValue = "false") boolean active) {
        return (active ? sagas.active() : sagas.all()).stream().map(SagaController::view).toList();
    }

    @Get("/{id}")
    HttpResponse<Map<String, Object>> get(String id) {
        return sagas.find(id).<HttpResponse<Map<String, Object>>>map(saga -> HttpResponse.ok(view(saga)))
                .orElseGet(() -> ApiErrors.of(HttpStatus.NOT_FOUND, "Unknown saga " + id));
    }

    static Map<String, Object> view(WorkerSaga saga) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("saga_id", saga.sagaId());
        view.put("kind", saga.kind());
        view.put("status", saga.status());
        view.put("worker", saga.worker());
        view.put("pool", saga.pool());
        view.put("template", saga.template());
        view.put("vm_id", saga.vmId());
        view.put("step", saga.step());
        view.put("step_attempt", saga.stepAttempt());
        view.put("reason", saga.reason());
        view.put("command_id", saga.commandId());
        view.put("failure", saga.failure());
        view.put("failed_step", saga.failedStep());
        view.put("not_before", saga.notBefore() == null ? null : saga.notBefore().toString());
        view.put("started_at", saga.startedAt().toString());
        view.put("updated_at", saga.updatedAt().toString());
        return view;
    }
}
