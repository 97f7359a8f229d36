package io.resourcemanager.simulator.kubernetes;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.resourcemanager.simulator.time.Scheduler;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the deployment controller and kubelets for Deployments: some time after a Deployment's desired
 * replicas change, its status reports that many replicas ready (or none, when scaled to zero), as a
 * real cluster would once the pods started or stopped.
 */
public final class SimulatedDeploymentController implements ResourceEventHandler<Deployment>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedDeploymentController.class);

    private final KubernetesClient client;
    private final Scheduler scheduler;
    private final Duration rolloutDelay;
    private SharedIndexInformer<Deployment> informer;

    /**
     * @param rolloutDelay how long pods take to start or stop (already scaled by the time scale)
     */
    public SimulatedDeploymentController(KubernetesClient client, Scheduler scheduler, Duration rolloutDelay) {
        this.client = client;
        this.scheduler = scheduler;
        this.rolloutDelay = rolloutDelay;
    }

    /** Starts watching every Deployment. */
    public void start() {
        informer = client.apps().deployments().inAnyNamespace().inform(this);
    }

    @Override
    public void onAdd(Deployment deployment) {
        reconcileLater(deployment);
    }

    @Override
    public void onUpdate(Deployment previous, Deployment deployment) {
        reconcileLater(deployment);
    }

    @Override
    public void onDelete(Deployment deployment, boolean finalStateUnknown) {
        // nothing left to report
    }

    private void reconcileLater(Deployment deployment) {
        if (!isRolledOut(deployment)) {
            String namespace = deployment.getMetadata().getNamespace();
            String name = deployment.getMetadata().getName();
            scheduler.schedule(rolloutDelay, () -> rollOut(namespace, name));
        }
    }

    private void rollOut(String namespace, String name) {
        try {
            Deployment current = client.apps().deployments().inNamespace(namespace).withName(name).get();
            if (current == null || isRolledOut(current)) {
                return;
            }
            int desired = desired(current);
            client.apps().deployments().inNamespace(namespace).withName(name).editStatus(d -> {
                d.setStatus(new DeploymentStatusBuilder().withReplicas(desired).withReadyReplicas(desired)
                        .withAvailableReplicas(desired).withUpdatedReplicas(desired)
                        .withObservedGeneration(d.getMetadata().getGeneration()).build());
                return d;
            });
            LOG.info("Deployment {}/{} has {} ready replicas", namespace, name, desired);
        } catch (KubernetesClientException e) {
            LOG.warn("Could not update the status of Deployment {}/{}: {}", namespace, name, e.getMessage());
        }
    }

    private static boolean isRolledOut(Deployment deployment) {
        Integer ready = deployment.getStatus() == null ? null : deployment.getStatus().getReadyReplicas();
        return Objects.equals(ready == null ? 0 : ready, desired(deployment));
    }

    private static int desired(Deployment deployment) {
        Integer replicas = deployment.getSpec() == null ? null : deployment.getSpec().getReplicas();
        return replicas == null ? 1 : replicas;
    }

    @Override
    public void close() {
        if (informer != null) {
            informer.close();
        }
    }
}
