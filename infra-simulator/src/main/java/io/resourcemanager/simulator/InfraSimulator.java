package io.resourcemanager.simulator;

import com.sun.net.httpserver.HttpHandler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.resourcemanager.simulator.PortInUseException.Listener;
import io.resourcemanager.simulator.admin.AdminApi;
import io.resourcemanager.simulator.faults.Faults;
import io.resourcemanager.simulator.http.JsonHttpServer;
import io.resourcemanager.simulator.http.RequestCounter;
import io.resourcemanager.simulator.kubelet.SimulatedKubelets;
import io.resourcemanager.simulator.kubernetes.KubernetesApiServer;
import io.resourcemanager.simulator.kubernetes.KubernetesClients;
import io.resourcemanager.simulator.kubernetes.SimulatedDeploymentController;
import io.resourcemanager.simulator.kubernetes.SimulatedMetricsServer;
import io.resourcemanager.simulator.proxmox.ApiToken;
import io.resourcemanager.simulator.proxmox.ProxmoxBackend;
import io.resourcemanager.simulator.proxmox.Task;
import io.resourcemanager.simulator.proxmox.Tasks;
import io.resourcemanager.simulator.proxmox.VmInventory;
import io.resourcemanager.simulator.proxmox.VmSnapshot;
import io.resourcemanager.simulator.proxmox.api.ProxmoxApi;
import io.resourcemanager.simulator.support.Closer;
import io.resourcemanager.simulator.time.Delays;
import io.resourcemanager.simulator.time.ExecutorScheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running infrastructure simulator: a Proxmox VE API stand-in, a Kubernetes API server, and
 * simulated kubelets that register a Node when a VM's guest boots. Close it to stop everything.
 */
public final class InfraSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InfraSimulator.class);

    private final Closer closer;
    private final String proxmoxUrl;
    private final String kubernetesUrl;
    private final ApiToken token;
    private final ApiToken noRightsToken;
    private final Faults faults;
    private final RequestCounter proxmoxRequests;
    private final VmInventory vms;
    private final Tasks tasks;

    private InfraSimulator(Closer closer, String proxmoxUrl, String kubernetesUrl, ApiToken token,
            ApiToken noRightsToken, Faults faults, RequestCounter proxmoxRequests, VmInventory vms, Tasks tasks) {
        this.closer = closer;
        this.proxmoxUrl = proxmoxUrl;
        this.kubernetesUrl = kubernetesUrl;
        this.token = token;
        this.noRightsToken = noRightsToken;
        this.faults = faults;
        this.proxmoxRequests = proxmoxRequests;
        this.vms = vms;
        this.tasks = tasks;
    }

    /**
     * Starts both servers and creates the initial cluster; returns once the permanent nodes are Ready.
     *
     * @throws PortInUseException when a configured port is taken (nothing is left running)
     */
    public static InfraSimulator start(SimulatorConfig config) {
        Closer closer = new Closer();
        try {
            return start(config, closer);
        } catch (RuntimeException e) {
            closer.close();
            throw e;
        }
    }

    private static InfraSimulator start(SimulatorConfig config, Closer closer) {
        ApiToken token = ApiToken.parse(config.apiToken());
        ApiToken noRightsToken = ApiToken.parse(config.noRightsToken());
        Clock clock = Clock.systemUTC();
        Faults faults = new Faults();
        faults.apply(config.faults());
        RequestCounter proxmoxRequests = new RequestCounter();
        Delays delays = new Delays(config.timeScale(), new Random(), faults::delayOverride);
        KubernetesApiServer kubernetes = closer.register(startKubernetes(config));
        KubernetesClient client = closer.register(KubernetesClients.connect(kubernetes.url()));
        ExecutorScheduler kubeletThread = closer.register(new ExecutorScheduler("sim-kubelet", 1));
        SimulatedKubelets kubelets = closer.register(new SimulatedKubelets(client, kubeletThread, delays, clock,
                faults));
        ExecutorScheduler proxmoxTasks = closer.register(new ExecutorScheduler("sim-proxmox-tasks", 2));
        ProxmoxBackend proxmox = new ProxmoxBackend(config.proxmoxNode(), token, proxmoxTasks, delays, faults,
                kubelets, clock);
        InitialCluster.create(config, proxmox, kubelets, client);
        kubelets.start();
        closer.register(new SimulatedDeploymentController(client, kubeletThread, delays.scale(Duration.ofSeconds(20))))
                .start();
        closer.register(new SimulatedMetricsServer(client, kubeletThread, kubernetes.nodeMetrics(),
                delays.scale(Duration.ofSeconds(15)), clock)).start();
        JsonHttpServer http = closer.register(startProxmox(config, Map.of(
                ProxmoxApi.PREFIX, ProxmoxApi.handler(proxmox, token, noRightsToken, faults, proxmoxRequests),
                AdminApi.HEALTH_PATH, AdminApi.health(),
                AdminApi.ADMIN_PREFIX, AdminApi.admin(proxmox.inventory(), client, faults, proxmoxRequests))));
        InfraSimulator simulator = new InfraSimulator(closer, "http://" + config.host() + ":" + http.port(),
                kubernetes.url(), token, noRightsToken, faults, proxmoxRequests, proxmox.inventory(), proxmox.tasks());
        LOG.info("Infrastructure simulator up: Proxmox API {} (node {}, token PVEAPIToken={}), Kubernetes API {}, "
                + "time scale {}", simulator.proxmoxUrl(), config.proxmoxNode(), simulator.apiToken(),
                simulator.kubernetesUrl(), config.timeScale());
        return simulator;
    }

    /** Base URL of the Proxmox API stand-in, without {@code /api2/json}, for example {@code http://127.0.0.1:8006}. */
    public String proxmoxUrl() {
        return proxmoxUrl;
    }

    /** Base URL of the Kubernetes API server, for a client's master URL. */
    public String kubernetesUrl() {
        return kubernetesUrl;
    }

    /** The accepted API token, {@code user@realm!tokenid=secret}; send it as {@code PVEAPIToken=<token>}. */
    public String apiToken() {
        return token.value();
    }

    /**
     * A second accepted token, {@code user@realm!tokenid=secret}, without privileges: every VM call made
     * with it answers 403 {@code Permission check failed}, as Proxmox answers a token that lacks rights.
     */
    public String noRightsToken() {
        return noRightsToken.value();
    }

    /** How many requests the Proxmox API has received so far (all tokens, refused ones included). */
    public long proxmoxRequests() {
        return proxmoxRequests.count();
    }

    /** Every VM the simulated Proxmox holds right now, templates included. */
    public List<VmSnapshot> vms() {
        return vms.snapshots();
    }

    /**
     * Every Proxmox task started so far (clone, config, start, shutdown, stop, destroy...), with the VM it works
     * on ({@link Task#vm()}) and the latency the simulator injected into it ({@link Task#delay()}); read-only,
     * for measurements.
     */
    public List<Task> proxmoxTasks() {
        return tasks.all();
    }

    /** The fault injection of this simulator, for in-process tests ({@code /sim/faults} over HTTP). */
    public Faults faults() {
        return faults;
    }

    /** Stops the servers, kubelets and task threads. */
    @Override
    public void close() {
        closer.close();
        LOG.info("Infrastructure simulator stopped");
    }

    private static KubernetesApiServer startKubernetes(SimulatorConfig config) {
        try {
            return KubernetesApiServer.start(config.host(), config.kubernetesPort());
        } catch (BindException e) {
            throw new PortInUseException(Listener.KUBERNETES, config.host(), config.kubernetesPort(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonHttpServer startProxmox(SimulatorConfig config, Map<String, HttpHandler> handlers) {
        try {
            return JsonHttpServer.start(config.host(), config.proxmoxPort(), handlers);
        } catch (BindException e) {
            throw new PortInUseException(Listener.PROXMOX, config.host(), config.proxmoxPort(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
