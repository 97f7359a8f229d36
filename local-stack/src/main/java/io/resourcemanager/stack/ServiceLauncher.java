package io.resourcemanager.stack;

import io.resourcemanager.stack.process.ChildProcess;
import io.resourcemanager.stack.process.JavaCommand;
import java.util.List;

/**
 * Starts one of the five services from its module's build, pointed at the stack's broker, registry
 * and simulator through system properties. Each service gets a temporary directory inside the work
 * directory, so its Kafka Streams state starts clean with the broker.
 */
public final class ServiceLauncher {

    /** Proxmox API token the simulator accepts. */
    static final String SIMULATOR_PROXMOX_TOKEN = "root@pam!resource-manager=simulator-secret";


    private ServiceLauncher() {
    }

    /**
     * @param service  the service to start
     * @param settings the run's settings
     * @param workDir  where its log and temporary files go
     * @return the started service; healthy once {@code /health} answers 200
     */
    public static StackPart start(ServiceDefinition service, StackSettings settings, WorkDir workDir) {
        int port = settings.port(service.portSetting());
        List<String> command = JavaCommand.of(service.mainClass(), ModuleClasspath.of(settings.repoDir(), service.module()))
                .jvmOptions(JavaCommand.SMALL_FAST_START)
                .systemProperty("java.io.tmpdir", workDir.tmpDir(service.name()))
                .systemProperty("micronaut.server.host", StackSettings.HOST)
                .systemProperty("micronaut.server.port", port)
                .systemProperty("kafka.bootstrap-servers", KafkaBroker.bootstrapServers(settings))
                .systemProperty("rm.registry.url", SchemaRegistry.baseUrl(settings))
                .systemProperty("rm.kubernetes.master-url", InfraSimulator.kubernetesUrl(settings))
                .systemProperty("rm.proxmox.url", InfraSimulator.proxmoxUrl(settings))
                .systemProperty("rm.proxmox.token", SIMULATOR_PROXMOX_TOKEN)
                .toList();
        ChildProcess process = ChildProcess.start(service.name(), command, settings.repoDir(), workDir.logFile(service.name()));
        String baseUrl = settings.loopbackUrl(service.portSetting());
        return new ProcessPart(process, new HttpHealthCheck(baseUrl + "/health"),
                List.of(Endpoint.httpService(service.name(), baseUrl, process.logFile())));
    }
}
