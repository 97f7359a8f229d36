package io.resourcemanager.provisioner.autoscale;

import java.util.ArrayList;
import java.util.List;

/** {@link ScaleCommands} that records what it is asked, and can be told to fail the next sends. */
final class RecordingScaleCommands implements ScaleCommands {

    /** A command sent. */
    sealed interface Sent {
        String commandId();
    }

    record Provision(String commandId, String pool, String template, int count, Integer ttlHours, String reason)
            implements Sent {
    }

    record Decommission(String commandId, String pool, String node, String reason) implements Sent {
    }

    private final List<Sent> sent = new ArrayList<>();
    private int failures;

    @Override
    public synchronized void provision(String commandId, String pool, String template, int count, Integer ttlHours,
                                       String reason) {
        failIfTold();
        sent.add(new Provision(commandId, pool, template, count, ttlHours, reason));
    }

    @Override
    public synchronized void decommission(String commandId, String pool, String node, String reason) {
        failIfTold();
        sent.add(new Decommission(commandId, pool, node, reason));
    }

    /** The next {@code times} sends fail as an unacknowledged send does. */
    synchronized void failNext(int times) {
        failures = times;
    }

    /** Every command sent so far, in order. */
    synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** The commands sent so far, then forgets them. */
    synchronized List<Sent> drain() {
        List<Sent> all = List.copyOf(sent);
        sent.clear();
        return all;
    }

    private void failIfTold() {
        if (failures > 0) {
            failures--;
            throw new IllegalStateException("Kafka did not acknowledge the command");
        }
    }
}
