package io.resourcemanager.simulator;

/** A simulator server could not bind its port because something else holds it. */
public final class PortInUseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The simulator's listening endpoints. */
    public enum Listener {
        /** The Proxmox API stand-in (with /health and /sim). */
        PROXMOX,
        /** The Kubernetes API server. */
        KUBERNETES
    }

    private final Listener listener;
    private final String host;
    private final int port;

    PortInUseException(Listener listener, String host, int port, Throwable cause) {
        super(listener + " port " + port + " on " + host + " is already in use", cause);
        this.listener = listener;
        this.host = host;
        this.port = port;
    }

    /** Which server failed to bind. */
    public Listener listener() {
        return listener;
    }

    /** The bind address. */
    public String host() {
        return host;
    }

    /** The port that is taken. */
    public int port() {
        return port;
    }
}
