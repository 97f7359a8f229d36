package io.resourcemanager.provisioner.autoscale;

import io.resourcemanager.provisioner.adapter.ProvisioningCommands;
import jakarta.inject.Singleton;

/**
 * {@link ScaleCommands} as {@code ProvisionWorkers} and {@code DecommissionWorker} on
 * {@code rm.provisioning.commands}; returns once Kafka acknowledged the command.
 */
@Singleton
final class KafkaScaleCommands implements ScaleCommands {

    private final ProvisioningCommands commands;

    KafkaScaleCommands(ProvisioningCommands commands) {
        this.commands = commands;
    }

    @Override
    public void provision(String commandId, String pool, String template, int count, Integer ttlHours, String reason) {
        commands.provision(commandId, pool, template, count, ttlHours, reason);
    }

    @Override
    public void decommission(String commandId, String pool, String node, String reason) {
        commands.decommission(commandId, pool, node, false, reason);
    }
}
