package io.resourcemanager.topics;

/** How Kafka keeps the records of a topic. */
public enum CleanupPolicy {
    /** Records are kept for the retention time: a log of events. */
    DELETE("delete"),
    /** The last record per key is kept forever: a table of current state. */
    COMPACT("compact");

    private final String configValue;

    CleanupPolicy(String configValue) {
        this.configValue = configValue;
    }

    /** The value of the topic's {@code cleanup.policy} setting. */
    public String configValue() {
        return configValue;
    }
}
