package io.resourcemanager.provisioner.benchmark;

import io.resourcemanager.events.ProvisioningStep;
import io.resourcemanager.simulator.proxmox.Task;
import io.resourcemanager.state.SagaKind;
import io.resourcemanager.state.SagaStatus;
import io.resourcemanager.state.WorkerSaga;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One worker's way from the scale request to its {@code NodeJoined}, from the saga states the
 * provisioner stored (each step's start) and the moment the benchmark saw the join.
 *
 * @param worker the node name
 * @param requested just before the scale request was sent
 * @param admitted when the saga got one of the provisioning places and began to clone
 * @param configuring when the clone was done (the configure step began)
 * @param starting when the configure step was done
 * @param joining when the node had registered (boot done, the join step began)
 * @param succeeded when the last step (label) was done
 * @param seen when the benchmark saw {@code NodeJoined}
 * @param injected the latencies the simulator injected into this worker
 */
record WorkerTimeline(String worker, Instant requested, Instant admitted, Instant configuring, Instant starting,
                      Instant joining, Instant succeeded, Instant seen, InjectedLatency injected) {

    /**
     * The timeline of {@code worker}, or empty when its saga did not succeed or a step's start is missing.
     *
     * @param states the worker's saga states in the order written
     * @param tasks the simulator's task list
     */
    static Optional<WorkerTimeline> of(String worker, Instant requested, List<WorkerSaga> states, Instant seen,
                                       List<Task> tasks, BenchmarkSettings settings) {
        List<WorkerSaga> provision = states.stream().filter(state -> state.getKind() == SagaKind.PROVISION).toList();
        Optional<Instant> admitted = provision.stream()
                .filter(state -> state.getStep() == ProvisioningStep.CLONE && state.getStatus() == SagaStatus.RUNNING)
                .map(WorkerSaga::getStepStartedAt).max(Comparator.naturalOrder());
        Optional<WorkerSaga> done = provision.stream().filter(state -> state.getStatus() == SagaStatus.SUCCEEDED)
                .findFirst();
        Optional<Instant> configuring = stepStart(provision, ProvisioningStep.CONFIGURE);
        Optional<Instant> starting = stepStart(provision, ProvisioningStep.START);
        Optional<Instant> joining = stepStart(provision, ProvisioningStep.JOIN);
        if (admitted.isEmpty() || done.isEmpty() || configuring.isEmpty() || starting.isEmpty() || joining.isEmpty()
                || done.get().getVmId() == null) {
            return Optional.empty();
        }
        Instant succeeded = done.get().getStepStartedAt();
        InjectedLatency injected = InjectedLatency.of(settings, tasks, done.get().getVmId(), admitted.get(),
                succeeded.plusMillis(1));
        return Optional.of(new WorkerTimeline(worker, requested, admitted.get(), configuring.get(), starting.get(),
                joining.get(), succeeded, seen, injected));
    }

    /** Request to {@code NodeJoined} seen, less the injected latencies: includes waiting for a provisioning place. */
    Duration overheadFromRequest() {
        return Duration.between(requested, seen).minus(injected.total());
    }

    /** Admission to {@code NodeJoined} seen, less the injected latencies: the orchestration alone. */
    Duration overheadFromAdmission() {
        return Duration.between(admitted, seen).minus(injected.total());
    }

    /** From the request until the saga got a provisioning place. */
    Duration slotWait() {
        return Duration.between(requested, admitted);
    }

    /** Clone step less the clone: finding an id, asking, polling the task, reading the VM, storing the step. */
    Duration cloneOverhead() {
        return Duration.between(admitted, configuring).minus(injected.cloning());
    }

    /** Configure step less the configure task. */
    Duration configureOverhead() {
        return Duration.between(configuring, starting).minus(injected.configure());
    }

    /** Start and boot steps less the start task and the boot: until the registered node was noticed. */
    Duration startAndBootOverhead() {
        return Duration.between(starting, joining).minus(injected.start()).minus(injected.boot());
    }

    /** Join and label steps (nothing injected). */
    Duration joinAndLabel() {
        return Duration.between(joining, succeeded);
    }

    /** From the saga's last step to {@code NodeJoined} seen by the benchmark. */
    Duration announcement() {
        return Duration.between(succeeded, seen);
    }

    /** When {@code step} began: the first state at that step (a retry keeps its start). */
    private static Optional<Instant> stepStart(List<WorkerSaga> states, ProvisioningStep step) {
        return states.stream().filter(state -> state.getStep() == step && state.getStatus() == SagaStatus.RUNNING)
                .map(WorkerSaga::getStepStartedAt).findFirst();
    }
}
