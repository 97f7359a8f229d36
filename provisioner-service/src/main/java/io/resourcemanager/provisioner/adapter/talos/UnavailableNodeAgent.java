package io.resourcemanager.provisioner.adapter.talos;

import io.micronaut.context.annotation.Secondary;
import io.resourcemanager.provisioner.domain.infra.InfraException;
import io.resourcemanager.provisioner.domain.infra.NodeAgent;
import jakarta.inject.Singleton;

/**
 * The node agent of a deployment without a Talos API endpoint: it cannot act, so kubelet restarts
 * fall back to reboots through the hypervisor. A Talos implementation replaces it as a primary bean.
 */
@Singleton
@Secondary
final class UnavailableNodeAgent implements NodeAgent {

    @Override
    public boolean available() {
        return false;
    }

    @Override
    public void restartKubelet(String node) {
        throw new InfraException.Permanent("No node agent (Talos API) is configured; cannot restart the kubelet of " + node);
    }
}
