package io.resourcemanager.simulator.kubernetes;

import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A Kubernetes API server over plain HTTP: fabric8's mock server in CRUD mode, as
 * {@code @EnableKubernetesMockClient(crud = true)} builds it, bound to a chosen address and port, plus
 * what CRUD alone lacks: the pod eviction subresource (honouring PodDisruptionBudgets) and the resource
 * metrics API ({@code metrics.k8s.io/v1beta1} node metrics, fed by a {@link SimulatedMetricsServer}).
 */
public final class KubernetesApiServer implements AutoCloseable {

    /** The mock server logs every request through java.util.logging; kept referenced so the level sticks. */
    private static final Logger REQUEST_LOG = quiet(MockWebServer.class.getName());

    private final KubernetesMockServer server;
    private final String url;
    private final NodeMetricsApi nodeMetrics;

    private KubernetesApiServer(KubernetesMockServer server, String host, NodeMetricsApi nodeMetrics) {
        this.server = server;
        this.url = "http://" + host + ":" + server.getPort();
        this.nodeMetrics = nodeMetrics;
    }

    /**
     * Starts the server.
     *
     * @param host address to bind
     * @param port port to bind, 0 for an ephemeral one
     * @throws BindException when the port is taken
     * @throws UnknownHostException when the host does not resolve
     */
    public static KubernetesApiServer start(String host, int port) throws BindException, UnknownHostException {
        Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
        NodeMetricsApi nodeMetrics = new NodeMetricsApi();
        KubernetesMockServer server = new KubernetesMockServer(new Context(Serialization.jsonMapper()),
                new MockWebServer(), expectations, new SimulatedApiDispatcher(expectations, nodeMetrics), false);
        server.setVersionInfo(new VersionInfo.Builder().withMajor("1").withMinor("31").withGitVersion("v1.31.4")
                .withPlatform("linux/amd64").build());
        InetAddress address = InetAddress.getByName(host);
        try {
            server.init(address, port);
        } catch (RuntimeException e) {
            server.destroy();
            throw asBindException(e, port).orElseThrow(() -> e);
        }
        return new KubernetesApiServer(server, host, nodeMetrics);
    }

    /** Base URL for a client's master URL, for example {@code http://127.0.0.1:6443}. */
    public String url() {
        return url;
    }

    /** The resource metrics API of this server; a {@link SimulatedMetricsServer} publishes to it. */
    public NodeMetricsApi nodeMetrics() {
        return nodeMetrics;
    }

    @Override
    public void close() {
        server.destroy();
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.WARNING);
        return logger;
    }

    private static Optional<BindException> asBindException(Throwable failure, int port) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                BindException bind = new BindException("port " + port + ": " + cause.getMessage());
                bind.initCause(failure);
                return Optional.of(bind);
            }
        }
        return Optional.empty();
    }
}
