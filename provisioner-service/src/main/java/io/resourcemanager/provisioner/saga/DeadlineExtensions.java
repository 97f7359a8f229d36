package io.resourcemanager.provisioner.saga;

import io.resourcemanager.events.TtlExtended;
import io.resourcemanager.provisioner.domain.DeadlineExtension;
import io.resourcemanager.provisioner.domain.ObservedNode;
import io.resourcemanager.provisioner.domain.infra.ClusterNodes;
import io.resourcemanager.provisioner.domain.infra.InfraException;
import io.resourcemanager.provisioner.domain.saga.SagaKind;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Mirrors the TTL service's extensions of worker deadlines ({@code TtlExtended} on {@code rm.ttl.events})
 * on the cluster: relabels the node ({@code ttl}, {@code ttl-hours}), then announces its new state on
 * {@code rm.nodes}. A worker that is gone or being removed is left alone. A retriable Kubernetes failure
 * is thrown, so the intake sees the event again; a permanent one is logged as an error and the event dropped.
 */
@Singleton
final class DeadlineExtensions {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineExtensions.class);

    private final ClusterNodes nodes;
    private final WorkerDirectory workers;
    private final SagaStore sagas;
    private final WorkerAnnouncements announcements;

    DeadlineExtensions(ClusterNodes nodes, WorkerDirectory workers, SagaStore sagas, WorkerAnnouncements announcements) {
        this.nodes = nodes;
        this.workers = workers;
        this.sagas = sagas;
        this.announcements = announcements;
    }

    /**
     * Applies one extension of a worker's deadline.
     *
     * @throws InfraException.Retriable when the cluster could not be changed or read now
     */
    void apply(TtlExtended extended) {
        String worker = extended.getSubjectId();
        MDC.put("node", worker);
        MDC.put("request", String.valueOf(extended.getRequestId()));
        try {
            boolean removing = sagas.activeFor(worker).map(saga -> saga.kind() == SagaKind.DECOMMISSION).orElse(false);
            DeadlineExtension decision = DeadlineExtension.decide(worker, extended.getNewDeadline(),
                    workers.find(worker), removing);
            if (decision instanceof DeadlineExtension.Ignore ignore) {
                LOG.info("Extension of {} to {} not applied: {}", worker, extended.getNewDeadline(), ignore.reason());
            } else if (decision instanceof DeadlineExtension.Relabel relabel) {
                relabel(relabel, extended);
            }
        } finally {
            MDC.remove("node");
            MDC.remove("request");
        }
    }

    private void relabel(DeadlineExtension.Relabel relabel, TtlExtended extended) {
        String worker = relabel.worker();
        try {
            nodes.relabel(worker, relabel.labels());
        } catch (InfraException.Permanent e) {
            LOG.error("Extension of {} to {} (request {}) could not be put on its node, dropped: {}", worker,
                    extended.getNewDeadline(), extended.getRequestId(), e.getMessage(), e);
            return;
        }
        Optional<ObservedNode> node = nodes.find(worker);
        if (node.isEmpty()) {
            LOG.info("Node {} vanished after its extension to {} was labelled", worker, extended.getNewDeadline());
            return;
        }
        announcements.relabelled(node.get());
        LOG.info("Worker {} now expires at {} (extensions used: {})", worker, extended.getNewDeadline(),
                extended.getExtensionsUsed());
    }
}
