package io.resourcemanager.kafka;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;

/** Reports the state of every Streams application of the service; DOWN once one has failed or stopped. */
@Singleton
@Requires(beans = StreamsApp.class)
public final class StreamsHealthIndicator extends AbstractHealthIndicator<Map<String, String>> {

    private final List<StreamsApp> apps;

    StreamsHealthIndicator(List<StreamsApp> apps) {
        this.apps = apps;
    }

    @Override
    protected String getName() {
        return "streams";
    }

    @Override
    protected Map<String, String> getHealthInformation() {
        Map<String, String> states = new TreeMap<>();
        boolean healthy = true;
        for (StreamsApp app : apps) {
            KafkaStreams.State state = app.state();
            states.put(app.applicationId(), state.name());
            healthy &= state.isRunningOrRebalancing() || state == KafkaStreams.State.CREATED;
        }
        healthStatus = healthy ? HealthStatus.UP : HealthStatus.DOWN;
        return states;
    }
}
