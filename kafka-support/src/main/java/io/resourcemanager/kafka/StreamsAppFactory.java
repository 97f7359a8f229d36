package io.resourcemanager.kafka;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import org.apache.kafka.streams.StreamsBuilder;

/** Runs every {@link StreamsTopology} bean of the service as a {@link StreamsApp}, once its topics exist. */
@Factory
class StreamsAppFactory {

    @Context
    @EachBean(StreamsTopology.class)
    @Bean(preDestroy = "close")
    StreamsApp streamsApp(StreamsTopology topology, CatalogueTopics topics, KafkaProperties kafka,
                          EventSerdes serdes,
                          @Value("${rm.streams.application-id-prefix:rm}") String applicationIdPrefix) {
        String applicationId = applicationIdPrefix + "-" + topology.name();
        return StreamsApp.start(applicationId, topology.build(new StreamsBuilder(), serdes), kafka);
    }
}
