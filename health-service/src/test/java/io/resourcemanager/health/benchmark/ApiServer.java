package io.resourcemanager.health.benchmark;

import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A Kubernetes API server over plain HTTP on 127.0.0.1: fabric8's mock server in CRUD mode, as the
 * infrastructure simulator starts it, without the simulator. It remembers which threads served requests,
 * so that their CPU time can be told apart from the service's.
 */
final class ApiServer implements AutoCloseable {

    /** The mock server logs every request through java.util.logging; kept referenced so the level sticks. */
    private static final Logger REQUEST_LOG = quiet(MockWebServer.class.getName());

    private final KubernetesMockServer server;
    private final Set<Long> servingThreads = ConcurrentHashMap.newKeySet();

    private ApiServer() throws UnknownHostException {
        KubernetesCrudDispatcher store = new KubernetesCrudDispatcher();
        server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(),
                new HashMap<>(), new Dispatcher() {
                    @Override
                    public MockResponse dispatch(RecordedRequest request) {
                        servingThreads.add(Thread.currentThread().getId());
                        return store.dispatch(request);
                    }

                    @Override
                    public void shutdown() {
                        store.shutdown();
                    }
                }, false);
        server.setVersionInfo(new VersionInfo.Builder().withMajor("1").withMinor("31").withGitVersion("v1.31.4")
                .withPlatform("linux/amd64").build());
        server.init(InetAddress.getByName("127.0.0.1"), 0);
    }

    static ApiServer start() throws UnknownHostException {
        return new ApiServer();
    }

    /** Base URL, for example {@code http://127.0.0.1:41234}. */
    String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** Ids of the threads that have dispatched a request so far. */
    Set<Long> servingThreads() {
        return Set.copyOf(servingThreads);
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
}
