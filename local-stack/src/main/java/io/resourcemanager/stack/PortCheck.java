package io.resourcemanager.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks, before anything starts, that the ports of a run are distinct and free, so that a busy
 * port is reported with the setting to change instead of surfacing as a child's bind error.
 */
public final class PortCheck {

    private PortCheck() {
    }

    /**
     * @param ports each port the stack will listen on, by the setting that chose it
     * @throws LocalStackException naming every busy or repeated port and the option to change
     */
    public static void requireFree(Map<Setting, Integer> ports) {
        List<String> problems = new ArrayList<>();
        Map<Integer, Setting> claimedBy = new HashMap<>();
        ports.forEach((setting, port) -> {
            Setting earlier = claimedBy.putIfAbsent(port, setting);
            if (earlier != null) {
                problems.add("Port %d is set for both %s and %s; pass %s=<another port>"
                        .formatted(port, earlier.option(), setting.option(), setting.option()));
            } else if (!isFree(port)) {
                problems.add("Port %d is already in use; pass %s=<free port>".formatted(port, setting.option()));
            }
        });
        if (!problems.isEmpty()) {
            throw new LocalStackException(String.join(System.lineSeparator(), problems));
        }
    }

    /**
     * @param port a TCP port
     * @return whether a server could listen on it, both on all interfaces and on loopback
     */
    static boolean isFree(int port) {
        return canBind(new InetSocketAddress(port))
                && canBind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    private static boolean canBind(InetSocketAddress address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(address);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
