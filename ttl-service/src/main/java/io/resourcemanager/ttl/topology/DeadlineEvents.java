package io.resourcemanager.ttl.topology;

import io.resourcemanager.events.AllocationExpired;
import io.resourcemanager.events.AllocationGranted;
import io.resourcemanager.events.AllocationPreempted;
import io.resourcemanager.events.AllocationReleased;
import io.resourcemanager.events.NodeJoined;
import io.resourcemanager.events.NodeRemoved;
import io.resourcemanager.events.SubjectType;
import io.resourcemanager.state.TrackedDeadline;
import io.resourcemanager.ttl.domain.Deadline;
import io.resourcemanager.ttl.domain.DeadlineChange;
import java.util.List;

/** Translates allocation and provisioning events into deadline changes, and deadlines to store values. */
public final class DeadlineEvents {

    private DeadlineEvents() {
    }

    /** The deadline change an allocation event implies, if any. */
    public static List<DeadlineChange> fromAllocation(Object payload) {
        if (payload instanceof AllocationGranted granted) {
            return List.of(DeadlineChange.allocation(granted.getAllocationId(), granted.getActivatedAt(),
                    granted.getTtlSeconds()));
        }
        if (payload instanceof AllocationReleased released) {
            return List.of(new DeadlineChange.Forget(released.getAllocationId()));
        }
        if (payload instanceof AllocationExpired expired) {
            return List.of(new DeadlineChange.Forget(expired.getAllocationId()));
        }
        if (payload instanceof AllocationPreempted preempted) {
            return List.of(new DeadlineChange.Forget(preempted.getAllocationId()));
        }
        return List.of();
    }

    /** The deadline change a provisioning event implies, if any: only temporary workers have one. */
    public static List<DeadlineChange> fromProvisioning(Object payload) {
        if (payload instanceof NodeJoined joined && joined.getTtlDeadline() != null) {
            return List.of(DeadlineChange.worker(joined.getWorker(), joined.getTtlDeadline()));
        }
        if (payload instanceof NodeRemoved removed) {
            return List.of(new DeadlineChange.Forget(removed.getWorker()));
        }
        return List.of();
    }

    /** The store value of a change; {@code null} (a delete) when the subject is forgotten. */
    public static TrackedDeadline toStoreValue(DeadlineChange change) {
        if (change instanceof DeadlineChange.Track track) {
            Deadline deadline = track.deadline();
            return TrackedDeadline.newBuilder()
                    .setSubjectId(deadline.subjectId())
                    .setSubjectType(SubjectType.valueOf(deadline.kind().name()))
                    .setDeadline(deadline.deadline())
                    .setExtensionsUsed(deadline.extensionsUsed())
                    .build();
        }
        return null;
    }

    /** The domain deadline of a stored value. */
    public static Deadline fromStoreValue(TrackedDeadline stored) {
        Deadline.SubjectKind kind = stored.getSubjectType() == SubjectType.WORKER
                ? Deadline.SubjectKind.WORKER : Deadline.SubjectKind.ALLOCATION;
        return new Deadline(stored.getSubjectId(), kind, stored.getDeadline(), stored.getExtensionsUsed());
    }
}
