package io.resourcemanager.provisioner.adapter.kubernetes;

import java.time.Duration;
import java.util.List;

/** The two cluster operations a drain is made of. */
interface DrainTarget {

    /** What became of one eviction request. */
    enum Eviction {
        /** The API accepted it; the pod is on its way out. */
        EVICTED,
        /** A PodDisruptionBudget refused it for now (429), or the API could not take it now. */
        REFUSED,
        /** The pod no longer exists. */
        GONE
    }

    /** The pods on {@code node} a drain must see leave (DaemonSet, mirror and finished pods excluded). */
    List<DrainPod> podsOn(String node);

    /** Asks the eviction API to evict {@code pod}, giving it {@code grace} to terminate. */
    Eviction evict(DrainPod pod, Duration grace);
}
