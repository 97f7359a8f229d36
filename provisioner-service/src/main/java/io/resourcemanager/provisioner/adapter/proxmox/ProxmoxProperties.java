package io.resourcemanager.provisioner.adapter.proxmox;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * How the provisioner reaches Proxmox VE: {@code rm.proxmox.*}.
 *
 * @param url base URL of the API, for example {@code https://pve.example.org:8006} (a trailing
 *            {@code /api2/json} is accepted)
 * @param token API token {@code user@realm!tokenid=secret}, sent as {@code Authorization: PVEAPIToken=<token>}
 * @param node the Proxmox node (host) whose templates are cloned and whose VMs are managed
 * @param verifyTls verify the server certificate against the JVM's trust store; turn off only for a
 *                  self-signed certificate on a trusted network
 * @param taskPollInterval how often an asynchronous task's status is polled
 * @param connectTimeout TCP connect timeout of one request
 * @param readTimeout read timeout of one request
 * @param stopTimeout how long a hard stop may take (after a shutdown's grace, before a delete)
 * @param retry retries of one request
 * @param breaker the circuit breaker around all requests
 */
@ConfigurationProperties(ProxmoxProperties.PREFIX)
public record ProxmoxProperties(@NotBlank String url,
                                @NotBlank String token,
                                @Bindable(defaultValue = "pve1") @NotBlank String node,
                                @Bindable(defaultValue = "true") boolean verifyTls,
                                @Bindable(defaultValue = "100ms") @NotNull Duration taskPollInterval,
                                @Bindable(defaultValue = "5s") @NotNull Duration connectTimeout,
                                @Bindable(defaultValue = "30s") @NotNull Duration readTimeout,
                                @Bindable(defaultValue = "60s") @NotNull Duration stopTimeout,
                                @Valid @NotNull Retry retry,
                                @Valid @NotNull Breaker breaker) {

    /** The configuration prefix. */
    public static final String PREFIX = "rm.proxmox";

    /** Micronaut's {@code attempts}: retries after the first request (2 = SPEC §4's three tries). */
    static final String ATTEMPTS = "${" + PREFIX + ".retry.attempts:2}";
    static final String DELAY = "${" + PREFIX + ".retry.delay:100ms}";
    static final String MULTIPLIER = "${" + PREFIX + ".retry.multiplier:2}";
    static final String MAX_DELAY = "${" + PREFIX + ".retry.max-delay:30s}";
    static final String RESET = "${" + PREFIX + ".breaker.reset:60s}";

    /** The base URL without a trailing slash or {@code /api2/json}. */
    public String baseUrl() {
        String base = url.strip().replaceAll("/+$", "");
        String api = ProxmoxApi.API_PATH;
        return base.endsWith(api) ? base.substring(0, base.length() - api.length()) : base;
    }

    /**
     * Retries of one request on a retriable failure (429, 5xx other than a definite refusal, I/O error,
     * timeout), read by {@link ProxmoxApi}'s annotation through the same keys.
     *
     * @param attempts retries after the first request
     * @param delay the first backoff delay, doubled (by {@code multiplier}) for each further retry
     * @param multiplier backoff factor
     * @param maxDelay Micronaut's overall bound on the summed backoff delays of one call
     */
    @ConfigurationProperties("retry")
    public record Retry(@Bindable(defaultValue = "2") @Min(0) int attempts,
                        @Bindable(defaultValue = "100ms") @NotNull Duration delay,
                        @Bindable(defaultValue = "2") @Min(1) double multiplier,
                        @Bindable(defaultValue = "30s") @NotNull Duration maxDelay) {
    }

    /**
     * The circuit breaker around all requests.
     *
     * @param reset how long the circuit stays open before one trial call may pass
     */
    @ConfigurationProperties("breaker")
    public record Breaker(@Bindable(defaultValue = "60s") @NotNull Duration reset) {
    }
}
