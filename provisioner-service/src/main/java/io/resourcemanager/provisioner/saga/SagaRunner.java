package io.resourcemanager.provisioner.saga;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import io.resourcemanager.provisioner.config.SagaProperties;
import io.resourcemanager.provisioner.domain.saga.SagaFact;
import io.resourcemanager.provisioner.domain.saga.SagaKind;
import io.resourcemanager.provisioner.domain.saga.SagaPolicy;
import io.resourcemanager.provisioner.domain.saga.SagaProgress;
import io.resourcemanager.provisioner.domain.saga.SagaStatus;
import io.resourcemanager.provisioner.domain.saga.SagaTransition;
import io.resourcemanager.provisioner.domain.saga.Sagas;
import io.resourcemanager.provisioner.domain.saga.StepOutcome;
import io.resourcemanager.provisioner.domain.saga.WorkerSaga;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs sagas step by step on worker threads, never on a stream or request thread: at most
 * {@code max-parallel-provisions} provisionings and {@code max-parallel-removals} other sagas at once.
 * After every step the saga's new state is stored on Kafka before the next step runs; on start every
 * unfinished saga resumes at the step it was in (steps are idempotent).
 */
@Singleton
public class SagaRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SagaRunner.class);
    private static final Duration SHORTEST_STEP = Duration.ofSeconds(1);

    private final SagaStore store;
    private final StepActions actions;
    private final SagaEvents events;
    private final WorkerAnnouncements announcements;
    private final Clock clock;
    private final SagaPolicy policy;
    private final SagaProgress progress;
    private final SagaLane provisions;
    private final SagaLane others;

    SagaRunner(SagaStore store, StepActions actions, SagaEvents events, WorkerAnnouncements announcements,
               Clock clock, SagaProperties properties) {
        this.store = store;
        this.actions = actions;
        this.events = events;
        this.announcements = announcements;
        this.clock = clock;
        this.policy = properties.policy();
        this.progress = new SagaProgress(policy);
        this.provisions = new SagaLane("provision", properties.maxParallelProvisions());
        this.others = new SagaLane("removal", properties.maxParallelRemovals());
    }

    /**
     * Starts {@code saga} unless a saga with its id exists already (a repeated command), in which case
     * that one is returned. A saga for a worker another unfinished saga works on waits until that one
     * has finished: one change at a time per worker.
     */
    public synchronized WorkerSaga start(WorkerSaga saga) {
        Optional<WorkerSaga> existing = store.find(saga.sagaId());
        if (existing.isPresent()) {
            return existing.get();
        }
        store.save(saga, List.of());
        Optional<WorkerSaga> blocker = blocker(saga);
        if (blocker.isPresent()) {
            LOG.info("Saga {} waits for saga {} working on {}", saga.sagaId(), blocker.get().sagaId(), saga.worker());
        } else {
            enqueue(saga);
        }
        return saga;
    }

    /** Resumes every unfinished saga that is not running in this process. */
    @EventListener
    void onStartup(StartupEvent event) {
        resumeAll();
    }

    /** Picks up unfinished sagas this process is not running (after a start, or one stopped by an unexpected error). */
    @Scheduled(fixedDelay = "${rm.provisioner.saga.resume-interval:60s}", initialDelay = "${rm.provisioner.saga.resume-interval:60s}")
    public synchronized void resumeAll() {
        for (WorkerSaga saga : store.active()) {
            if (!lane(saga).holds(saga.sagaId()) && blocker(saga).isEmpty()) {
                LOG.info("Resuming saga {} of {} at step {} ({})", saga.sagaId(), saga.worker(), saga.step(), saga.status());
                enqueue(saga);
            }
        }
    }

    /** Whether this process is running (or about to run) the saga. */
    public boolean isRunning(String sagaId) {
        return store.find(sagaId).map(saga -> lane(saga).holds(sagaId)).orElse(false);
    }

    /** Sagas waiting for a free place. */
    public int waiting() {
        return provisions.waitingCount() + others.waitingCount();
    }

    private void enqueue(WorkerSaga saga) {
        SagaLane lane = lane(saga);
        Duration wait = saga.notBefore() == null || saga.stepAttempt() > 0 || saga.step() != saga.kind().steps().get(0)
                ? Duration.ZERO : Duration.between(clock.instant(), saga.notBefore());
        if (wait.isNegative() || wait.isZero()) {
            lane.enqueue(saga.sagaId()).forEach(id -> begin(lane, id));
        } else {
            LOG.info("Saga {} of {} waits {} s before it starts", saga.sagaId(), saga.worker(), wait.toSeconds());
            lane.later(saga.sagaId(), wait, id -> lane.enqueue(id).forEach(admitted -> begin(lane, admitted)));
        }
    }

    private void begin(SagaLane lane, String sagaId) {
        lane.schedule(sagaId, Duration.ZERO, id -> {
            store.find(id).ifPresent(saga -> {
                WorkerSaga admitted = saga.admitted(clock.instant());
                if (admitted != saga) {
                    store.save(admitted, List.of());
                }
            });
            runStep(lane, id);
        });
    }

    private void runStep(SagaLane lane, String sagaId) {
        WorkerSaga saga = store.find(sagaId).orElseThrow();
        MDC.put("worker", saga.worker());
        MDC.put("pool", saga.pool());
        MDC.put("saga", sagaId);
        try {
            Duration left = policy.timeout(saga.step()).minus(Duration.between(saga.stepStartedAt(), clock.instant()));
            StepOutcome outcome = actions.run(saga, left.compareTo(SHORTEST_STEP) < 0 ? SHORTEST_STEP : left);
            SagaTransition transition = progress.advance(saga, outcome, clock.instant());
            apply(transition);
            WorkerSaga next = transition.next();
            log(saga, outcome, next);
            if (next.finished()) {
                finish(lane, next);
            } else {
                lane.schedule(sagaId, transition.pause(), id -> runStep(lane, id));
            }
        } catch (RuntimeException e) {
            LOG.error("Saga {} stopped in this process at step {}; it resumes on the next sweep or restart",
                    sagaId, saga.step(), e);
            lane.release(sagaId).forEach(id -> begin(lane, id));
        } finally {
            MDC.clear();
        }
    }

    private void apply(SagaTransition transition) {
        Outgoing.publishAll(store.publisher(), events.of(transition.facts()));
        for (SagaFact fact : transition.facts()) {
            if (fact instanceof SagaFact.Succeeded succeeded) {
                if (succeeded.saga().kind() == SagaKind.PROVISION) {
                    announcements.joined(succeeded.saga());
                } else if (succeeded.saga().kind() == SagaKind.DECOMMISSION) {
                    announcements.removed(succeeded.saga());
                }
            }
        }
        store.save(transition.next(), List.of());
    }

    private void finish(SagaLane lane, WorkerSaga saga) {
        lane.release(saga.sagaId()).forEach(id -> begin(lane, id));
        resumeAll();
        if (saga.kind() == SagaKind.DECOMMISSION && saga.status() == SagaStatus.SUCCEEDED && saga.replacement() != null) {
            WorkerSaga replacement = Sagas.provision(saga.replacement(), saga.pool(), saga.template(), null,
                    saga.commandId(), "replaces " + saga.worker() + ": " + saga.reason(), clock.instant());
            start(saga.repair() == null ? replacement : replacement.withRepair(saga.repair()));
        }
    }

    /** The older unfinished saga working on the same worker, if any. */
    private Optional<WorkerSaga> blocker(WorkerSaga saga) {
        return store.active().stream().filter(other -> other.worker().equals(saga.worker())).findFirst()
                .filter(first -> !first.sagaId().equals(saga.sagaId()));
    }

    private SagaLane lane(WorkerSaga saga) {
        return saga.kind() == SagaKind.PROVISION ? provisions : others;
    }

    private static void log(WorkerSaga before, StepOutcome outcome, WorkerSaga after) {
        if (outcome instanceof StepOutcome.Failed failed) {
            LOG.warn("Step {} failed ({}): {} → {} {}", before.step(), failed.retriable() ? "retriable" : "permanent",
                    failed.reason(), after.status(), after.step());
        } else {
            LOG.info("Step {} done → {} {}", before.step(), after.status(), after.finished() ? "" : after.step());
        }
    }

    @PreDestroy
    @Override
    public void close() {
        provisions.close();
        others.close();
    }
}
