package io.resourcemanager.simulator;

import io.resourcemanager.simulator.faults.FaultSettings;
import io.resourcemanager.simulator.proxmox.ApiToken;
import io.resourcemanager.simulator.template.WorkerTemplate;

/**
 * Settings of an {@link InfraSimulator}. Immutable; start from {@link #defaults()} and change fields
 * with the {@code withXxx} copy methods.
 *
 * @param host address both servers bind (default {@code 127.0.0.1})
 * @param proxmoxPort port of the Proxmox API stand-in (default 8006; 0 = ephemeral)
 * @param kubernetesPort port of the Kubernetes API server (default 6443; 0 = ephemeral)
 * @param apiToken the accepted Proxmox API token, {@code user@realm!tokenid=secret}
 * @param noRightsToken a second accepted token that has no privileges (every VM call answers 403)
 * @param proxmoxNode name of the Proxmox node (default {@code pve1})
 * @param initialPermanentNodes running permanent workers at start (default 3)
 * @param initialNodeTemplate template of the permanent workers (default {@code medium})
 * @param timeScale factor applied to realistic latencies (default 1.0; 0.01 makes a 45 s clone take 0.45 s)
 * @param faults faults injected from the start (default none; {@code /sim/faults} changes them later)
 */
public record SimulatorConfig(
        String host,
        int proxmoxPort,
        int kubernetesPort,
        String apiToken,
        String noRightsToken,
        String proxmoxNode,
        int initialPermanentNodes,
        String initialNodeTemplate,
        double timeScale,
        FaultSettings faults) {

    /**
     * Validates every field.
     *
     * @throws IllegalArgumentException naming the first invalid field
     */
    public SimulatorConfig {
        require(host != null && !host.isBlank(), "host must not be blank");
        require(proxmoxPort >= 0 && proxmoxPort <= 65535, "proxmoxPort must be 0..65535, was " + proxmoxPort);
        require(kubernetesPort >= 0 && kubernetesPort <= 65535, "kubernetesPort must be 0..65535, was " + kubernetesPort);
        ApiToken.parse(apiToken);
        ApiToken.parse(noRightsToken);
        require(!ApiToken.parse(noRightsToken).value().equals(ApiToken.parse(apiToken).value()),
                "noRightsToken must differ from apiToken");
        require(proxmoxNode != null && proxmoxNode.matches("[a-zA-Z0-9][a-zA-Z0-9-]*"),
                "proxmoxNode must be a host name, was " + proxmoxNode);
        require(initialPermanentNodes >= 0, "initialPermanentNodes must be >= 0, was " + initialPermanentNodes);
        require(WorkerTemplate.named(initialNodeTemplate).isPresent(),
                "initialNodeTemplate must be one of small, medium, large, gpu-nvidia, was " + initialNodeTemplate);
        require(timeScale >= 0 && Double.isFinite(timeScale), "timeScale must be a finite number >= 0, was " + timeScale);
        require(faults != null, "faults must not be null (use FaultSettings.none())");
        faults.validate();
    }

    /** The defaults: real ports on loopback, real-time latencies, three medium permanent workers. */
    public static SimulatorConfig defaults() {
        return new SimulatorConfig("127.0.0.1", 8006, 6443, ApiToken.DEFAULT, ApiToken.NO_RIGHTS_DEFAULT, "pve1", 3,
                "medium", 1.0, FaultSettings.none());
    }

    /** Copy with another bind address. */
    public SimulatorConfig withHost(String value) {
        return new SimulatorConfig(value, proxmoxPort, kubernetesPort, apiToken, noRightsToken, proxmoxNode,
                initialPermanentNodes, initialNodeTemplate, timeScale, faults);
    }

    /** Copy with another Proxmox API port (0 = ephemeral). */
    public SimulatorConfig withProxmoxPort(int value) {
        return new SimulatorConfig(host, value, kubernetesPort, apiToken, noRightsToken, proxmoxNode,
                initialPermanentNodes, initialNodeTemplate, timeScale, faults);
    }

    /** Copy with another Kubernetes API port (0 = ephemeral). */
    public SimulatorConfig withKubernetesPort(int value) {
        return new SimulatorConfig(host, proxmoxPort, value, apiToken, noRightsToken, proxmoxNode,
                initialPermanentNodes, initialNodeTemplate, timeScale, faults);
    }

    /** Copy with another accepted API token. */
    public SimulatorConfig withApiToken(String value) {
        return new SimulatorConfig(host, proxmoxPort, kubernetesPort, value, noRightsToken, proxmoxNode,
                initialPermanentNodes, initialNodeTemplate, timeScale, faults);
    }

    /** Copy with another token without privileges. */
    public SimulatorConfig withNoRightsToken(String value) {
        return new SimulatorConfig(host, proxmoxPort, kubernetesPort, apiToken, value, proxmoxNode,
                initialPermanentNodes, initialNodeTemplate, timeScale, faults);
    }

    /** Copy with another Proxmox node name. */
    public SimulatorConfig withProxmoxNode(String value) {
        return new SimulatorConfig(host, proxmoxPort, kubernetesPort, apiToken, noRightsToken, value,
                initialPermanentNodes, initialNodeTemplate, timeScale, faults);
    }

    /** Copy with another number of initial permanent workers. */
    public SimulatorConfig withInitialPermanentNodes(int value) {
        return new SimulatorConfig(host, proxmoxPort, kubernetesPort, apiToken, noRightsToken, proxmoxNode, value,
                initialNodeTemplate, timeScale, faults);
    }

    /** Copy with another template for the initial permanent workers. */
    public SimulatorConfig withInitialNodeTemplate(String value) {
        return new SimulatorConfig(host, proxmoxPort, kubernetesPort, apiToken, noRightsToken, proxmoxNode,
                initialPermanentNodes, value, timeScale, faults);
    }

    /** Copy with another time scale. */
    public SimulatorConfig withTimeScale(double value) {
        return new SimulatorConfig(host, proxmoxPort, kubernetesPort, apiToken, noRightsToken, proxmoxNode,
                initialPermanentNodes, initialNodeTemplate, value, faults);
    }

    /** Copy with other faults injected from the start. */
    public SimulatorConfig withFaults(FaultSettings value) {
        return new SimulatorConfig(host, proxmoxPort, kubernetesPort, apiToken, noRightsToken, proxmoxNode,
                initialPermanentNodes, initialNodeTemplate, timeScale, value);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
