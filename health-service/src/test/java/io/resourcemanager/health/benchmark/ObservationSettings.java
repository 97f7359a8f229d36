package io.resourcemanager.health.benchmark;

import java.time.Duration;
import java.util.Locale;

/**
 * Sizes and bounds of one run, read from {@code bench.*} system properties. {@code bench.smoke=true}
 * switches the defaults to a run of well under a minute; a property set explicitly still wins.
 *
 * @param nodes worker nodes in the API server, all carrying the pool label ({@code bench.nodes})
 * @param flapping how many of them flap ({@code bench.flapPercent} of {@code nodes}, default 10)
 * @param flapMin shortest interval between two changes of one flapping node ({@code bench.flapMinSeconds})
 * @param flapMax longest interval; the flapping nodes' intervals are spread evenly between the two
 *     ({@code bench.flapMaxSeconds})
 * @param flapPeriod how long the flapping lasts ({@code bench.flapSeconds})
 * @param heartbeat how often every node's heartbeat is refreshed, spread evenly ({@code bench.heartbeatSeconds})
 * @param settle how long the run keeps reading after the flapping stops ({@code bench.settleSeconds})
 * @param writers threads that send the API updates ({@code bench.writers})
 * @param timeout longest wait for one phase ({@code bench.timeoutSeconds})
 */
record ObservationSettings(int nodes, int flapping, Duration flapMin, Duration flapMax, Duration flapPeriod,
                           Duration heartbeat, Duration settle, int writers, Duration timeout) {

    ObservationSettings {
        if (nodes <= 0 || flapping <= 0 || flapping > nodes || writers <= 0 || flapMin.isZero()
                || flapMax.compareTo(flapMin) < 0 || flapPeriod.isZero() || heartbeat.isZero() || timeout.isZero()) {
            throw new IllegalArgumentException("bench.nodes, bench.flapPercent, bench.writers and every duration "
                    + "must be positive, bench.flapMaxSeconds not below bench.flapMinSeconds");
        }
    }

    /** The settings given as system properties, with the defaults of a full run (or of a smoke run). */
    static ObservationSettings fromSystemProperties() {
        boolean smoke = Boolean.getBoolean("bench.smoke");
        int nodes = Integer.getInteger("bench.nodes", smoke ? 500 : 5_000);
        int percent = Integer.getInteger("bench.flapPercent", 10);
        return new ObservationSettings(nodes, Math.max(1, nodes * percent / 100),
                Duration.ofSeconds(Integer.getInteger("bench.flapMinSeconds", 5)),
                Duration.ofSeconds(Integer.getInteger("bench.flapMaxSeconds", 10)),
                Duration.ofSeconds(Integer.getInteger("bench.flapSeconds", smoke ? 20 : 120)),
                Duration.ofSeconds(Integer.getInteger("bench.heartbeatSeconds", 60)),
                Duration.ofSeconds(Integer.getInteger("bench.settleSeconds", 5)),
                Integer.getInteger("bench.writers", 4),
                Duration.ofSeconds(Integer.getInteger("bench.timeoutSeconds", 300)));
    }

    /** One line describing the run. */
    String describe() {
        return String.format(Locale.ROOT, "%,d nodes, %,d of them flapping (one change every %d–%d s each) for %d s, "
                + "every heartbeat refreshed every %d s", nodes, flapping, flapMin.toSeconds(), flapMax.toSeconds(),
                flapPeriod.toSeconds(), heartbeat.toSeconds());
    }
}
