package io.resourcemanager.ttl.benchmark;

import java.time.Duration;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Sizes and bounds of one run, read from {@code bench.*} system properties. {@code bench.smoke=true}
 * switches the defaults to a run of about a minute; a property set explicitly still wins.
 *
 * @param live allocations whose deadlines are hours away: live for the whole run ({@code bench.live})
 * @param idle how long the run waits with only the live ones loaded, before loading the due ones
 *     ({@code bench.idleSeconds})
 * @param due allocations whose deadlines fall in the measured window ({@code bench.due})
 * @param lead from the start of loading the due allocations to the first of their deadlines
 *     ({@code bench.leadSeconds})
 * @param window over which the due deadlines are spread evenly ({@code bench.windowSeconds})
 * @param settle how long the run keeps reading after the last expected expiry, to catch duplicates
 *     ({@code bench.settleSeconds})
 * @param timeout longest wait for one phase ({@code bench.timeoutSeconds})
 */
record ExpirySettings(int live, Duration idle, int due, Duration lead, Duration window, Duration settle,
                      Duration timeout) {

    ExpirySettings {
        if (live < 0 || due <= 0 || timeout.isZero() || timeout.isNegative()
                || Stream.of(idle, lead, window, settle).anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("bench.due and bench.timeoutSeconds must be positive; bench.live, "
                    + "bench.idleSeconds, bench.leadSeconds, bench.windowSeconds and bench.settleSeconds not negative");
        }
    }

    /** The settings given as system properties, with the defaults of a full run (or of a smoke run). */
    static ExpirySettings fromSystemProperties() {
        boolean smoke = Boolean.getBoolean("bench.smoke");
        return new ExpirySettings(
                Integer.getInteger("bench.live", smoke ? 2_000 : 80_000),
                Duration.ofSeconds(Integer.getInteger("bench.idleSeconds", smoke ? 5 : 20)),
                Integer.getInteger("bench.due", smoke ? 500 : 20_000),
                Duration.ofSeconds(Integer.getInteger("bench.leadSeconds", smoke ? 20 : 60)),
                Duration.ofSeconds(Integer.getInteger("bench.windowSeconds", smoke ? 10 : 60)),
                Duration.ofSeconds(Integer.getInteger("bench.settleSeconds", 5)),
                Duration.ofSeconds(Integer.getInteger("bench.timeoutSeconds", 600)));
    }

    /** Every allocation the run loads. */
    int total() {
        return live + due;
    }

    /** One line describing the run. */
    String describe() {
        return String.format(Locale.ROOT, "%,d live allocations (deadlines 2–10 h away) and %,d due ones "
                + "(deadlines %d–%d s after their load starts)", live, due, lead.toSeconds(),
                lead.plus(window).toSeconds());
    }
}
