package io.resourcemanager.ttl.topology;

import io.resourcemanager.events.AllocationExpired;
import io.resourcemanager.events.AllocationGranted;
import io.resourcemanager.events.AllocationPreempted;
import io.resourcemanager.events.AllocationReleased;
import io.resourcemanager.events.ExtensionRequested;
import io.resourcemanager.events.NodeActivity;
import io.resourcemanager.events.NodeJoined;
import io.resourcemanager.events.NodeRemoved;
import io.resourcemanager.ttl.domain.ActivitySample;
import io.resourcemanager.ttl.domain.CountdownInput;
import io.resourcemanager.ttl.domain.Deadline;
import io.resourcemanager.ttl.domain.ExtensionRequest;
import io.resourcemanager.ttl.domain.TtlPolicy;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the events the TTL service follows mean for countdowns. */
final class CountdownInputs {

    private static final Logger LOG = LoggerFactory.getLogger(CountdownInputs.class);

    private final TtlPolicy policy;

    CountdownInputs(TtlPolicy policy) {
        this.policy = policy;
    }

    /** Granted allocations start a countdown (activation + TTL); released, expired and preempted ones end it. */
    List<CountdownInput> fromAllocation(Object payload) {
        if (payload instanceof AllocationGranted granted) {
            return List.of(new CountdownInput.Track(policy.deadline(granted.getAllocationId(),
                    Deadline.SubjectKind.ALLOCATION, granted.getActivatedAt(),
                    granted.getActivatedAt().plusSeconds(granted.getTtlSeconds()), null)));
        }
        if (payload instanceof AllocationReleased released) {
            return List.of(new CountdownInput.Forget(released.getAllocationId()));
        }
        if (payload instanceof AllocationExpired expired) {
            return List.of(new CountdownInput.Forget(expired.getAllocationId()));
        }
        if (payload instanceof AllocationPreempted preempted) {
            return List.of(new CountdownInput.Forget(preempted.getAllocationId()));
        }
        return List.of();
    }

    /** Temporary workers that joined start a countdown (their TTL label); removed workers end it. */
    List<CountdownInput> fromProvisioning(Object payload) {
        if (payload instanceof NodeJoined joined && joined.getTtlDeadline() != null) {
            return List.of(new CountdownInput.Track(policy.deadline(joined.getWorker(), Deadline.SubjectKind.WORKER,
                    joined.getJoinedAt(), joined.getTtlDeadline(), joined.getTtlLimit())));
        }
        if (payload instanceof NodeRemoved removed) {
            return List.of(new CountdownInput.Forget(removed.getWorker()));
        }
        return List.of();
    }

    /** An extension request (a null amount means the default extension). */
    List<CountdownInput> fromRequest(Object payload) {
        if (payload instanceof ExtensionRequested requested) {
            Long seconds = requested.getExtensionSeconds();
            return List.of(new CountdownInput.Extend(new ExtensionRequest(requested.getRequestId(),
                    requested.getSubjectId(), seconds == null ? null : Duration.ofSeconds(seconds))));
        }
        return List.of();
    }

    /** A sample of a worker's activity; a sample that makes no sense is logged and skipped, never guessed at. */
    List<CountdownInput> fromActivity(NodeActivity activity) {
        try {
            return List.of(new CountdownInput.Observe(new ActivitySample(activity.getNode(), activity.getCpuFraction(),
                    activity.getWorkloadPods(), activity.getSampledAt())));
        } catch (IllegalArgumentException e) {
            LOG.warn("Skipping an activity sample of node {}: {}", activity.getNode(), e.getMessage());
            return List.of();
        }
    }
}
