package io.resourcemanager.kafka;

import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.ProcessorContext;

/**
 * Kafka Streams handler for records that cannot be decoded: sends them to the dead-letter topic and
 * lets the stream carry on. If the dead letter cannot be written the stream stops rather than lose
 * the record. Its producer is connected at the first dead letter: Kafka Streams never closes a handler,
 * so an application that meets no undecodable record keeps no producer open for it.
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler {

    private String bootstrap;
    private String clientId;
    private DeadLetterPublisher publisher;

    @Override
    public void configure(Map<String, ?> configs) {
        bootstrap = String.valueOf(configs.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
        clientId = configs.get(StreamsConfig.APPLICATION_ID_CONFIG) + "-dead-letters";
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                 Exception exception) {
        return deadLetter(record, exception);
    }

    @Override
    @SuppressWarnings("deprecation")
    public DeserializationHandlerResponse handle(ProcessorContext context, ConsumerRecord<byte[], byte[]> record,
                                                 Exception exception) {
        return deadLetter(record, exception);
    }

    private synchronized DeadLetterPublisher publisher() {
        if (publisher == null) {
            publisher = DeadLetterPublisher.connect(bootstrap, clientId);
        }
        return publisher;
    }

    private DeserializationHandlerResponse deadLetter(ConsumerRecord<byte[], byte[]> record, Exception exception) {
        try {
            publisher().publish(record, exception);
            return DeserializationHandlerResponse.CONTINUE;
        } catch (RuntimeException e) {
            return DeserializationHandlerResponse.FAIL;
        }
    }
}
