package io.resourcemanager.ttl.domain;

import java.util.List;

/** Port: how busy the temporary workers of the cluster are right now. */
public interface WorkerActivity {

    /**
     * One sample per temporary worker (a node carrying a TTL) whose usage is known now. A worker whose
     * CPU usage cannot be read (no metrics yet, metrics API missing) is left out rather than reported
     * idle: idleness must be observed, never assumed.
     *
     * @throws ActivityUnavailableException when the cluster cannot be asked at all
     */
    List<ActivitySample> sample();

    /** The cluster could not be asked; the caller tries again at its next sampling. */
    final class ActivityUnavailableException extends RuntimeException {

        public ActivityUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
