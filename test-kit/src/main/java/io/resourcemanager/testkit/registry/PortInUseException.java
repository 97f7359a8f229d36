package io.resourcemanager.testkit.registry;

/**
 * The fixed port asked for is already taken, so the registry was not started. Raised before any
 * process is launched.
 */
public final class PortInUseException extends RegistryStartException {

    private static final long serialVersionUID = 1L;

    private final int port;

    /**
     * @param host  the address the registry would bind
     * @param port  the port that is taken
     * @param cause the bind failure
     */
    public PortInUseException(String host, int port, Throwable cause) {
        super("Port " + port + " on " + host + " is already in use; stop whatever listens there"
                + " or start the registry on another port", cause);
        this.port = port;
    }

    /**
     * @return the port that is taken
     */
    public int port() {
        return port;
    }
}
