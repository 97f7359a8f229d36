package io.resourcemanager.allocation.topology;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.resourcemanager.kafka.CatalogueTopics;
import io.resourcemanager.kafka.EventSerdes;
import io.resourcemanager.kafka.KafkaProperties;
import io.resourcemanager.kafka.StreamsApp;
import jakarta.inject.Named;
import org.apache.kafka.streams.StreamsBuilder;

/** Starts the capacity Streams application with the service. */
@Factory
class CapacityStreamsFactory {

    static final String CAPACITY = "capacity";

    @Context
    @Named(CAPACITY)
    @Bean(preDestroy = "close")
    StreamsApp capacityStreams(CatalogueTopics topics, KafkaProperties kafka, EventSerdes serdes,
                               @Value("${rm.allocation.application-id:rm-allocation}") String applicationId) {
        return StreamsApp.start(applicationId, CapacityTopology.build(new StreamsBuilder(), serdes), kafka);
    }
}
