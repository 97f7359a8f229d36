package io.resourcemanager.health.adapter;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.resourcemanager.health.config.HealthProperties;
import io.resourcemanager.health.domain.RestartLog;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts kubelet and container-runtime restarts per node from Kubernetes Events on Nodes, in the sliding
 * window {@code rm.health.restart-window}: the kubelet's own {@code Starting} ("Starting kubelet.") and
 * node-problem-detector's {@code ContainerdStart} / {@code DockerStart}. An informer watches the events of
 * every namespace (the API servers we test against ignore event field selectors, so it filters here) and
 * tells the listener which node's count changed.
 */
@Singleton
final class KubeletRestartWatcher implements ResourceEventHandler<Event> {

    private static final Logger LOG = LoggerFactory.getLogger(KubeletRestartWatcher.class);
    private static final Set<String> RUNTIME_STARTS = Set.of("ContainerdStart", "DockerStart");

    private final Clock clock;
    private final RestartLog log;
    private final SharedIndexInformer<Event> informer;
    private Consumer<String> listener = node -> { };

    KubeletRestartWatcher(KubernetesClient client, Clock clock, HealthProperties properties) {
        this.clock = clock;
        this.log = new RestartLog(properties.restartWindow());
        this.informer = client.v1().events().inAnyNamespace().inform(this, 0);
        LOG.info("Counting kubelet restarts from node events, window {}", properties.restartWindow());
    }

    /** Restarts of {@code node}'s kubelet or container runtime within the window. */
    synchronized int restarts(String node) {
        return log.count(node, clock.instant());
    }

    /** Calls {@code onChange} with the node's name whenever a node's count may have grown. */
    synchronized void onChange(Consumer<String> onChange) {
        this.listener = onChange;
    }

    /** Forgets a node that left the cluster. */
    synchronized void forget(String node) {
        log.forget(node);
    }

    @Override
    public void onAdd(Event event) {
        record(event);
    }

    @Override
    public void onUpdate(Event previous, Event event) {
        record(event);
    }

    @Override
    public void onDelete(Event event, boolean finalStateUnknown) {
        // a deleted event still reported a restart: it leaves the count when it leaves the window
    }

    private void record(Event event) {
        try {
            if (!isRestart(event)) {
                return;
            }
            String node = event.getInvolvedObject().getName();
            Instant at = time(event);
            if (at == null) {
                return;
            }
            Consumer<String> notify;
            synchronized (this) {
                int count = event.getCount() == null ? 1 : event.getCount();
                if (!log.record(node, id(event), at, count, clock.instant())) {
                    return;
                }
                notify = listener;
            }
            notify.accept(node);
        } catch (RuntimeException e) {
            LOG.warn("Could not read event {}", event.getMetadata() == null ? "?" : event.getMetadata().getName(), e);
        }
    }

    /** Whether the event reports that a node's kubelet or container runtime (re)started. */
    static boolean isRestart(Event event) {
        ObjectReference object = event.getInvolvedObject();
        if (object == null || !"Node".equals(object.getKind()) || object.getName() == null) {
            return false;
        }
        if (RUNTIME_STARTS.contains(event.getReason())) {
            return true;
        }
        if (!"Starting".equals(event.getReason())) {
            return false;
        }
        String component = event.getSource() != null && event.getSource().getComponent() != null
                ? event.getSource().getComponent() : event.getReportingComponent();
        String message = event.getMessage() == null ? "" : event.getMessage().toLowerCase(Locale.ROOT);
        boolean otherComponent = component != null && !component.isBlank() && !"kubelet".equals(component);
        return !otherComponent && !message.contains("kube-proxy");
    }

    private static Instant time(Event event) {
        Instant at = HealthEvents.parse(event.getLastTimestamp());
        if (at == null && event.getEventTime() != null) {
            at = HealthEvents.parse(event.getEventTime().getTime());
        }
        if (at == null) {
            at = HealthEvents.parse(event.getFirstTimestamp());
        }
        if (at == null && event.getMetadata() != null) {
            at = HealthEvents.parse(event.getMetadata().getCreationTimestamp());
        }
        return at;
    }

    private static String id(Event event) {
        if (event.getMetadata().getUid() != null) {
            return event.getMetadata().getUid();
        }
        return event.getMetadata().getNamespace() + "/" + event.getMetadata().getName();
    }

    @PreDestroy
    void stop() {
        informer.close();
    }
}
