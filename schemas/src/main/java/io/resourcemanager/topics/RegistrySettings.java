package io.resourcemanager.topics;

import java.util.Objects;

/**
 * Where the schema registry is and how serializers use it.
 *
 * @param url base URL of the registry's native API, for example {@code http://127.0.0.1:8081/apis/registry/v3}
 * @param autoRegister whether serializers register a schema they do not find
 */
public record RegistrySettings(String url, boolean autoRegister) {

    /** Path of Apicurio's native v3 API under the registry's base address. */
    public static final String NATIVE_API_PATH = "/apis/registry/v3";
    /** Path of the Confluent-compatible API under the registry's base address. */
    public static final String CONFLUENT_API_PATH = "/apis/ccompat/v7";

    public RegistrySettings {
        Objects.requireNonNull(url, "url");
    }

    /** Settings for a registry served at {@code baseAddress} (scheme, host and port only). */
    public static RegistrySettings atBaseAddress(String baseAddress) {
        return new RegistrySettings(stripSlash(baseAddress) + NATIVE_API_PATH, true);
    }

    private static String stripSlash(String address) {
        return address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
    }
}
