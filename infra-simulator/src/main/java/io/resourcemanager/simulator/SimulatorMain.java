package io.resourcemanager.simulator;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the simulator until SIGTERM/SIGINT. Configured by system properties ({@code -Dsim.proxmox.port=8006})
 * or arguments ({@code --sim.proxmox.port=8006}): {@code sim.host}, {@code sim.proxmox.port},
 * {@code sim.kubernetes.port}, {@code sim.api-token}, {@code sim.no-rights-token}, {@code sim.proxmox.node},
 * {@code sim.initial-nodes}, {@code sim.initial-template}, {@code sim.time-scale}, and faults injected from the
 * start as {@code sim.faults.*} (for example {@code sim.faults.fail-next-starts=1}, {@code sim.faults.flap-nodes=a,b}).
 * Exits 2 on invalid settings and 3 when a port is taken.
 */
public final class SimulatorMain {

    static final int EXIT_INVALID_SETTINGS = 2;
    static final int EXIT_PORT_IN_USE = 3;

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorMain.class);

    private SimulatorMain() {
    }

    /** Starts the simulator and blocks until the JVM is asked to stop. */
    public static void main(String[] args) throws InterruptedException {
        SimulatorConfig config;
        try {
            config = SimulatorProperties.read(System.getProperties(), args);
        } catch (IllegalArgumentException e) {
            LOG.error("Invalid simulator settings: {}", e.getMessage());
            System.exit(EXIT_INVALID_SETTINGS);
            return;
        }
        InfraSimulator simulator;
        try {
            simulator = InfraSimulator.start(config);
        } catch (PortInUseException e) {
            LOG.error(portInUseMessage(e));
            System.exit(EXIT_PORT_IN_USE);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "sim-shutdown"));
        stopped.await();
    }

    /** The operator's message for a taken port: which port, and which property moves it. */
    static String portInUseMessage(PortInUseException e) {
        String property = SimulatorProperties.portProperty(e.listener());
        return String.format("Cannot start the simulator: %s port %d on %s is already in use. "
                + "Stop whatever holds it, or choose another port with -D%s=<port> (0 picks a free one).",
                e.listener().name().toLowerCase(), e.port(), e.host(), property);
    }
}
