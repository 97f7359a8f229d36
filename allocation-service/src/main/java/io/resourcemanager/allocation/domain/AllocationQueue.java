package io.resourcemanager.allocation.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Waiting allocation ids: one bounded FIFO per priority, served highest priority first. */
final class AllocationQueue {

    private final int maxSizePerPriority;
    private final Map<Priority, Deque<String>> queues = new EnumMap<>(Priority.class);

    AllocationQueue(int maxSizePerPriority) {
        this.maxSizePerPriority = maxSizePerPriority;
        for (Priority priority : Priority.values()) {
            queues.put(priority, new ArrayDeque<>());
        }
    }

    boolean isFull(Priority priority) {
        return queues.get(priority).size() >= maxSizePerPriority;
    }

    /** Adds at the tail and returns the 1-based position. */
    int add(Priority priority, String allocationId) {
        Deque<String> queue = queues.get(priority);
        queue.addLast(allocationId);
        return queue.size();
    }

    /** Removes an id; returns the ids behind it in the same queue, whose positions moved up. */
    List<String> remove(Priority priority, String allocationId) {
        List<String> behind = new ArrayList<>();
        boolean found = false;
        for (String id : queues.get(priority)) {
            if (found) {
                behind.add(id);
            } else if (id.equals(allocationId)) {
                found = true;
            }
        }
        queues.get(priority).remove(allocationId);
        return found ? behind : List.of();
    }

    /** 1-based position of an id in its queue, or 0 if it is not queued. */
    int position(Priority priority, String allocationId) {
        int position = 1;
        for (String id : queues.get(priority)) {
            if (id.equals(allocationId)) {
                return position;
            }
            position++;
        }
        return 0;
    }

    /** Every waiting id in the order they are served: highest priority first, FIFO within one. */
    List<String> inServiceOrder() {
        List<String> order = new ArrayList<>();
        for (int i = Priority.values().length - 1; i >= 0; i--) {
            order.addAll(queues.get(Priority.values()[i]));
        }
        return order;
    }

    int size(Priority priority) {
        return queues.get(priority).size();
    }
}
