package io.resourcemanager.provisioner.adapter.kubernetes;

import io.resourcemanager.kafka.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A pacer that moves a test clock instead of waiting, and remembers every pause. */
final class RecordingPacer implements Pacer {

    private final MutableClock clock;
    private final List<Duration> pauses = new ArrayList<>();

    RecordingPacer(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void pause(Duration duration) {
        pauses.add(duration);
        clock.advance(duration);
    }

    synchronized List<Duration> pauses() {
        return List.copyOf(pauses);
    }
}
