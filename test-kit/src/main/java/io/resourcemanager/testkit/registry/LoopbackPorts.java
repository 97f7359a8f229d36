package io.resourcemanager.testkit.registry;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Picks or checks a port on the loopback address before a process is told to bind it. */
final class LoopbackPorts {

    /** The address the registry binds. */
    static final String HOST = "127.0.0.1";

    private LoopbackPorts() {
    }

    /**
     * Resolves the port a process should bind.
     *
     * @param requested a fixed port, or {@link RegistryOptions#ANY_FREE_PORT}
     * @return the requested port if it is free, or a free port chosen by the system
     * @throws PortInUseException if a fixed port is taken
     */
    static int resolve(int requested) {
        try (ServerSocket socket = new ServerSocket()) {
            // as the registry's HTTP server does: connections lingering in TIME_WAIT after a
            // previous registry stopped must not count as "in use", only a live listener
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), requested));
            return socket.getLocalPort();
        } catch (IOException e) {
            if (requested == RegistryOptions.ANY_FREE_PORT) {
                throw new RegistryStartException("No free port on " + HOST, e);
            }
            throw new PortInUseException(HOST, requested, e);
        }
    }
}
