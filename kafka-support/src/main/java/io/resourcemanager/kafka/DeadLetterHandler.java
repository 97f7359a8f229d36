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
 * the record.
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler {

    private DeadLetterPublisher publisher;

    @Override
    public void configure(Map<String, ?> configs) {
        String bootstrap = String.valueOf(configs.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
        String applicationId = String.valueOf(configs.get(StreamsConfig.APPLICATION_ID_CONFIG));
        publisher = DeadLetterPublisher.connect(bootstrap, applicationId + "-dead-letters");
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

    private DeserializationHandlerResponse deadLetter(ConsumerRecord<byte[], byte[]> record, Exception exception) {
        try {
            publisher.publish(record, exception);
            return DeserializationHandlerResponse.CONTINUE;
        } catch (RuntimeException e) {
            return DeserializationHandlerResponse.FAIL;
        }
    }
}
