package io.resourcemanager.provisioner.saga;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.resourcemanager.events.DecommissionWorker;
import io.resourcemanager.events.HealthEventEnvelope;
import io.resourcemanager.events.NodeHealthChanged;
import io.resourcemanager.events.ProvisionWorkers;
import io.resourcemanager.events.ProvisioningCommandEnvelope;
import io.resourcemanager.events.ReclaimWorker;
import io.resourcemanager.events.RepairNeeded;
import io.resourcemanager.events.RepairNode;
import io.resourcemanager.events.SubjectType;
import io.resourcemanager.events.TtlEventEnvelope;
import io.resourcemanager.events.TtlExpired;
import io.resourcemanager.events.TtlExtended;
import io.resourcemanager.kafka.KafkaProperties;
import io.resourcemanager.kafka.RegistryProperties;
import io.resourcemanager.kafka.TopicListener;
import io.resourcemanager.topics.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens for the work the provisioner is asked to do — commands on {@code rm.provisioning.commands},
 * {@code TtlExpired} of workers on {@code rm.ttl.events}, {@code RepairNeeded} on {@code rm.health.events} —
 * and hands each to {@link WorkOrders}; {@code TtlExtended} of workers goes to {@link DeadlineExtensions},
 * {@code NodeHealthChanged} to the inventory ({@link NodeHealthAnnouncements}).
 * Offsets are committed once the saga is stored (or the extension or judgement applied), so a restart loses no
 * accepted request and a repeated one starts nothing twice; a handler that throws sees its event again.
 */
@Singleton
final class WorkIntake implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkIntake.class);

    private final WorkOrders orders;
    private final DeadlineExtensions extensions;
    private final NodeHealthAnnouncements health;
    private final KafkaProperties kafka;
    private final RegistryProperties registry;
    private final String groupId;
    private TopicListener listener;

    WorkIntake(WorkOrders orders, DeadlineExtensions extensions, NodeHealthAnnouncements health, KafkaProperties kafka,
               RegistryProperties registry, @Value("${micronaut.application.name}") String groupId) {
        this.orders = orders;
        this.extensions = extensions;
        this.health = health;
        this.kafka = kafka;
        this.registry = registry;
        this.groupId = groupId;
    }

    @EventListener
    synchronized void onStartup(StartupEvent event) {
        listener = TopicListener.start(groupId, kafka.bootstrapServers(), registry.settings(), List.of(
                new TopicListener.Subscription<>(Topics.PROVISIONING_COMMANDS, this::onCommand),
                new TopicListener.Subscription<>(Topics.TTL_EVENTS, this::onTtlEvent),
                new TopicListener.Subscription<>(Topics.HEALTH_EVENTS, this::onHealthEvent)));
        LOG.info("Listening for provisioning commands, worker expiries and extensions, repairs and node health");
    }

    private void onCommand(String pool, ProvisioningCommandEnvelope command) {
        Object payload = command.getPayload();
        if (payload instanceof ProvisionWorkers provision) {
            orders.provision(provision);
        } else if (payload instanceof DecommissionWorker decommission) {
            orders.decommission(decommission);
        } else if (payload instanceof RepairNode repair) {
            orders.repair(repair.getRepairId(), repair.getNode(), repair.getLevel().name(), repair.getReason(),
                    repair.getCommandId());
        } else if (payload instanceof ReclaimWorker reclaim) {
            orders.reclaim(reclaim);
        }
    }

    private void onTtlEvent(String subject, TtlEventEnvelope event) {
        Object payload = event.getPayload();
        if (payload instanceof TtlExpired expired && expired.getSubjectType() == SubjectType.WORKER) {
            orders.expire(expired, event.getHeader());
        } else if (payload instanceof TtlExtended extended && extended.getSubjectType() == SubjectType.WORKER) {
            extensions.apply(extended);
        }
    }

    private void onHealthEvent(String node, HealthEventEnvelope event) {
        if (event.getPayload() instanceof RepairNeeded repair) {
            orders.repair(repair.getRepairId(), repair.getNode(), repair.getLevel().name(), repair.getReason(),
                    "repair-" + repair.getRepairId());
        } else if (event.getPayload() instanceof NodeHealthChanged changed) {
            health.judged(changed, event.getHeader());
        }
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        if (listener != null) {
            listener.close();
        }
    }
}
