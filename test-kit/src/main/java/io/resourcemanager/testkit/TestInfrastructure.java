package io.resourcemanager.testkit;

/** A Kafka broker and a schema registry that integration tests talk to, however they are run. */
interface TestInfrastructure extends AutoCloseable {

    /**
     * @return the {@code host:port} list Kafka clients connect to
     */
    String bootstrapServers();

    /**
     * @return the registry's root URL, without trailing slash
     */
    String registryBaseUrl();

    /** Stops the broker and the registry. */
    @Override
    void close();
}
