package io.resourcemanager.kafka;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/**
 * A Kafka Streams application of a service. Declare one as a bean and the service runs it
 * (see {@link StreamsAppFactory}); tests call {@link #build} with their own builder and serdes.
 */
public interface StreamsTopology {

    /** Short name, unique within the system; the application id is {@code <prefix>-<name>}. */
    String name();

    /** Adds the topology to {@code builder} and builds it. */
    Topology build(StreamsBuilder builder, EventSerdes serdes);
}
