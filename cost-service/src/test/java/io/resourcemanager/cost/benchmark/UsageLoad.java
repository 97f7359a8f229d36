package io.resourcemanager.cost.benchmark;

import io.resourcemanager.cost.domain.CalendarWindow;
import io.resourcemanager.cost.domain.Cost;
import io.resourcemanager.cost.domain.metering.PricedUsage;
import io.resourcemanager.cost.domain.metering.Usage;
import io.resourcemanager.cost.domain.metering.UsagePricing;
import io.resourcemanager.cost.domain.pricing.PriceBook;
import io.resourcemanager.cost.domain.pricing.TokenCounts;
import io.resourcemanager.events.EventHeader;
import io.resourcemanager.events.UsageEventEnvelope;
import io.resourcemanager.events.UsageKind;
import io.resourcemanager.events.UsageRecorded;
import io.resourcemanager.topics.AvroSerdes;
import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Token usage as agents report it: {@code UsageRecorded} (kind TOKENS) in a {@code UsageEventEnvelope} on
 * {@code rm.cost.usage}, keyed {@code job=<job>}, sent by one idempotent producer (acks=all, the registry
 * serde). Job {@code j} belongs to project {@code j mod 200}, that project to division {@code project mod 12},
 * and the job runs agent {@code j mod 50}; the model is one of three. Every event is priced here with the
 * production pricing ({@link UsagePricing} over {@link PriceBook#spec()}), and its cost and tokens are added
 * to the expected {@code organisation=all} DAY total of its day, so a run can check the rollups to the
 * micro-dollar.
 */
final class UsageLoad implements AutoCloseable {

    static final String[] MODELS = {"claude-sonnet", "claude-opus", "claude-haiku"};
    private static final String ORGANISATION_DAY = "organisation=all|DAY|";

    private final KafkaProducer<String, UsageEventEnvelope> producer;
    private final UsagePricing pricing = new UsagePricing(PriceBook.spec(), Set.of("spot"));
    private final SplittableRandom random = new SplittableRandom(20_261_101L);
    private final Map<String, Total> expected = new HashMap<>();
    private final AtomicLong failures = new AtomicLong();
    private long sent;

    private UsageLoad(KafkaProducer<String, UsageEventEnvelope> producer) {
        this.producer = producer;
    }

    static UsageLoad connect(String bootstrapServers, RegistrySettings registry) {
        Map<String, Object> config = new HashMap<>(AvroSerdes.serdeConfig(registry));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "cost-benchmark-usage");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        return new UsageLoad(new KafkaProducer<>(config, new StringSerializer(),
                Topics.COST_USAGE.valueSerde(registry).serializer()));
    }

    /** The key of the {@code organisation=all} DAY rollup on {@code rm.cost.rollups} for the day of {@code at}. */
    static String organisationDay(Instant at) {
        return ORGANISATION_DAY + CalendarWindow.DAY.start(at);
    }

    /** The key of {@code job}'s HOUR rollup on {@code rm.cost.rollups} for the hour of {@code at}. */
    static String jobHour(String job, Instant at) {
        return "job=" + job + "|HOUR|" + CalendarWindow.HOUR.start(at);
    }

    static String jobName(String prefix, int job) {
        return String.format(Locale.ROOT, "%s-%05d", prefix, job);
    }

    /**
     * Sends one event of job number {@code job} (named {@code jobName}) used at {@code usedAt}, with a
     * random model when {@code model} is null; returns its tokens. The send is asynchronous.
     */
    long send(String jobName, int job, String model, Instant usedAt) {
        return send(jobName, job, model, usedAt, tokens -> { });
    }

    /** A job number drawn at random below {@code jobs}. */
    synchronized int randomJob(int jobs) {
        return random.nextInt(jobs);
    }

    /** As {@link #send(String, int, String, Instant)}, telling {@code beforeSend} the event's tokens first. */
    synchronized long send(String jobName, int job, String model, Instant usedAt, LongConsumer beforeSend) {
        int project = job % AggregationSettings.PROJECTS;
        UsageRecorded usage = UsageRecorded.newBuilder().setKind(UsageKind.TOKENS).setQuantity(0)
                .setDivision(String.format(Locale.ROOT, "division-%02d", project % AggregationSettings.DIVISIONS))
                .setProject(String.format(Locale.ROOT, "project-%03d", project)).setJobId(jobName)
                .setAgent(String.format(Locale.ROOT, "agent-%02d", job % AggregationSettings.AGENTS))
                .setModel(model != null ? model : MODELS[random.nextInt(MODELS.length)])
                .setInputTokens(200 + random.nextInt(20_000)).setOutputTokens(50 + random.nextInt(4_000))
                .setPeriodStart(usedAt.minusSeconds(1)).setPeriodEnd(usedAt).build();
        Cost cost = price(usage);
        expected.merge(organisationDay(usedAt), new Total(cost.internalMicros(), cost.tokens()), Total::plus);
        EventHeader header = EventHeader.newBuilder().setEventId(new UUID(random.nextLong(), random.nextLong()))
                .setOccurredAt(usedAt).setCorrelationId(jobName).setProducer("cost-benchmark").build();
        beforeSend.accept(cost.tokens());
        producer.send(new ProducerRecord<>(Topics.COST_USAGE.name(), "job=" + jobName,
                UsageEventEnvelope.newBuilder().setHeader(header).setPayload(usage).build()), (metadata, error) -> {
                    if (error != null) {
                        failures.incrementAndGet();
                    }
                });
        sent++;
        return cost.tokens();
    }

    private Cost price(UsageRecorded usage) {
        PricedUsage priced = pricing.price(new Usage("TOKENS", 0, new TokenCounts(usage.getInputTokens(),
                usage.getOutputTokens(), 0, 0), usage.getDivision(), usage.getProject(), usage.getJobId(), null, null,
                usage.getModel(), usage.getAgent(), usage.getPeriodEnd()));
        if (priced.isRefused()) {
            throw new IllegalStateException("The benchmark's own usage was refused: " + priced.refusal());
        }
        return priced.charge().cost();
    }

    /** Waits until every event sent so far has been acknowledged (or failed). */
    void flush() {
        producer.flush();
    }

    /** The expected {@code organisation=all} DAY totals of everything sent so far, by rollup key. */
    synchronized Map<String, Total> expected() {
        return Map.copyOf(expected);
    }

    synchronized long sent() {
        return sent;
    }

    /** Sends the broker did not acknowledge. */
    long failures() {
        return failures.get();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }

    /**
     * Cost in micro-USD (internal) and tokens.
     *
     * @param micros internal cost in millionths of a dollar
     * @param tokens tokens
     */
    record Total(long micros, long tokens) {

        Total plus(Total other) {
            return new Total(micros + other.micros, tokens + other.tokens);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d micro-USD / %,d tokens", micros, tokens);
        }
    }
}
