package io.resourcemanager.stack;

import io.resourcemanager.stack.process.ChildProcess;
import io.resourcemanager.stack.process.JavaCommand;
import java.util.List;

/**
 * The infrastructure simulator: a Proxmox VE API and a Kubernetes API server with a simulated
 * kubelet, run from the {@code infra-simulator} module's build.
 */
public final class InfraSimulator {

    /** Name of the part in logs and in the endpoint table. */
    public static final String NAME = "simulator";

    /** The module that builds the simulator. */
    public static final String MODULE = "infra-simulator";
    private static final String MAIN_CLASS = "io.resourcemanager.simulator.SimulatorMain";

    private InfraSimulator() {
    }

    /**
     * @param settings the run's settings
     * @param workDir  where its log and temporary files go
     * @return the started simulator; healthy once its Proxmox API answers {@code /health}
     */
    public static StackPart start(StackSettings settings, WorkDir workDir) {
        List<String> command = JavaCommand.of(MAIN_CLASS, ModuleClasspath.of(settings.repoDir(), MODULE))
                .jvmOptions(JavaCommand.SMALL_FAST_START)
                .systemProperty("java.io.tmpdir", workDir.tmpDir(NAME))
                .systemProperty("sim.host", StackSettings.HOST)
                .systemProperty("sim.proxmox.port", settings.port(Setting.PROXMOX_PORT))
                .systemProperty("sim.kubernetes.port", settings.port(Setting.KUBERNETES_PORT))
                .systemProperty("sim.initial-nodes", settings.initialNodes())
                .systemProperty("sim.time-scale", settings.timeScale())
                .toList();
        ChildProcess simulator = ChildProcess.start(NAME, command, settings.repoDir(), workDir.logFile(NAME));
        String proxmoxUrl = proxmoxUrl(settings);
        List<Endpoint> endpoints = List.of(
                new Endpoint(NAME + " (Proxmox API)", proxmoxUrl, List.of(proxmoxUrl + "/health"), simulator.logFile()),
                new Endpoint(NAME + " (Kubernetes API)", kubernetesUrl(settings), List.of(), simulator.logFile()));
        return new ProcessPart(simulator, new HttpHealthCheck(proxmoxUrl + "/health"), endpoints);
    }

    /**
     * @param settings the run's settings
     * @return the simulated Proxmox VE API's base URL
     */
    public static String proxmoxUrl(StackSettings settings) {
        return settings.loopbackUrl(Setting.PROXMOX_PORT);
    }

    /**
     * @param settings the run's settings
     * @return the simulated Kubernetes API server's URL
     */
    public static String kubernetesUrl(StackSettings settings) {
        return settings.loopbackUrl(Setting.KUBERNETES_PORT);
    }
}
