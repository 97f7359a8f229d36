package io.resourcemanager.provisioner.adapter.proxmox;

import io.micronaut.context.annotation.Requires;
import io.resourcemanager.provisioner.domain.infra.Hypervisor;
import io.resourcemanager.provisioner.domain.infra.InfraException;
import io.resourcemanager.provisioner.domain.infra.VmInfo;
import io.resourcemanager.provisioner.domain.infra.VmSettings;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hypervisor of a deployment without {@code rm.proxmox.url}: the inventory still works, and every
 * saga step that needs Proxmox fails permanently with a message that names the missing setting.
 */
@Singleton
@Requires(missingProperty = ProxmoxProperties.PREFIX + ".url")
final class UnconfiguredHypervisor implements Hypervisor {

    private static final Logger LOG = LoggerFactory.getLogger(UnconfiguredHypervisor.class);
    private static final String MESSAGE = "Proxmox is not configured: set rm.proxmox.url and rm.proxmox.token";

    UnconfiguredHypervisor() {
        LOG.warn("{}; workers cannot be provisioned or removed", MESSAGE);
    }

    @Override
    public VmInfo ensureCloned(String name, int templateVmId, boolean full, Duration timeout) {
        throw unconfigured();
    }

    @Override
    public void configure(int vmId, VmSettings settings, Duration timeout) {
        throw unconfigured();
    }

    @Override
    public void start(int vmId, Duration timeout) {
        throw unconfigured();
    }

    @Override
    public void reboot(int vmId, Duration timeout) {
        throw unconfigured();
    }

    @Override
    public void shutdown(int vmId, Duration forceStopAfter) {
        throw unconfigured();
    }

    @Override
    public void delete(int vmId, Duration timeout) {
        throw unconfigured();
    }

    @Override
    public Optional<VmInfo> find(int vmId) {
        throw unconfigured();
    }

    @Override
    public Optional<VmInfo> findByName(String name) {
        throw unconfigured();
    }

    @Override
    public List<VmInfo> managedVms() {
        throw unconfigured();
    }

    private static InfraException unconfigured() {
        return new InfraException.Permanent(MESSAGE);
    }
}
