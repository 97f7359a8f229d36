package io.resourcemanager.provisioner.adapter.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.resourcemanager.provisioner.domain.infra.InfraException;
import java.net.HttpURLConnection;

/**
 * Classifies failures of Kubernetes API calls: conflicts (once retried), rate limits, server errors,
 * timeouts and I/O failures (no HTTP status) may pass; refusals of the request itself do not.
 */
final class KubernetesFailures {

    static final int TOO_MANY_REQUESTS = 429;

    private KubernetesFailures() {
    }

    /** {@code failure} of {@code what} (for example "label node burst-1") as an {@link InfraException}. */
    static InfraException classify(String what, KubernetesClientException failure) {
        String message = what + " failed: " + describe(failure);
        return retriable(failure)
                ? new InfraException.Retriable(message, failure)
                : new InfraException.Permanent(message, failure);
    }

    /** Whether trying the same call later may succeed. */
    static boolean retriable(KubernetesClientException failure) {
        if (failure instanceof KubernetesClientTimeoutException) {
            return true;
        }
        int code = failure.getCode();
        return code <= 0
                || code == HttpURLConnection.HTTP_CONFLICT
                || code == HttpURLConnection.HTTP_CLIENT_TIMEOUT
                || code == TOO_MANY_REQUESTS
                || code >= HttpURLConnection.HTTP_INTERNAL_ERROR;
    }

    private static String describe(KubernetesClientException failure) {
        String reason = failure.getStatus() != null && failure.getStatus().getMessage() != null
                ? failure.getStatus().getMessage()
                : String.valueOf(failure.getMessage());
        return failure.getCode() > 0 ? "HTTP " + failure.getCode() + " " + reason : reason;
    }
}
