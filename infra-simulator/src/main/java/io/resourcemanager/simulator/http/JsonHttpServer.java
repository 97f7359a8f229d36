package io.resourcemanager.simulator.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.resourcemanager.simulator.support.DaemonThreadFactory;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The JDK HTTP server on daemon threads, with one handler per path prefix. */
public final class JsonHttpServer implements AutoCloseable {

    private static final int THREADS = 8;

    private final HttpServer server;
    private final ExecutorService executor;

    private JsonHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds and starts a server.
     *
     * @param host address to bind
     * @param port port to bind, 0 for an ephemeral one
     * @param handlers handlers by path prefix
     * @throws BindException when the port is taken
     */
    public static JsonHttpServer start(String host, int port, Map<String, HttpHandler> handlers) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        handlers.forEach(server::createContext);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, new DaemonThreadFactory("sim-http"));
        server.setExecutor(executor);
        server.start();
        return new JsonHttpServer(server, executor);
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
