package io.resourcemanager.simulator.proxmox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The task list of the Proxmox node: starts tasks and finds them by UPID. Thread-safe. */
public final class Tasks {

    private final String node;
    private final String user;
    private final Clock clock;
    private final AtomicInteger pids = new AtomicInteger(0x1F00);
    private final Map<String, Task> byUpid = new ConcurrentHashMap<>();

    /**
     * @param node node name written into UPIDs
     * @param user principal written into UPIDs (the API token's {@code user@realm!tokenid})
     * @param clock source of start times
     */
    public Tasks(String node, String user, Clock clock) {
        this.node = node;
        this.user = user;
        this.clock = clock;
    }

    /**
     * Registers a running task of {@code type} named after VM {@code id} that works on VM {@code vm} and ends
     * after {@code delay}.
     */
    Task begin(String type, int id, int vm, Duration delay) {
        int pid = pids.incrementAndGet();
        Task task = new Task(node, pid, pid * 7919, clock.instant(), vm, delay, type, id, user);
        byUpid.put(task.upid(), task);
        return task;
    }

    /** Every task started so far, running or ended, in no particular order. */
    public List<Task> all() {
        return List.copyOf(byUpid.values());
    }

    /** The task with this UPID on {@code nodeName}. */
    public Task require(String nodeName, String upid) throws ProxmoxException {
        Task task = byUpid.get(upid);
        if (task == null || !task.node().equals(nodeName)) {
            throw ProxmoxException.failed("no such task '" + upid + "'");
        }
        return task;
    }
}
