package io.resourcemanager.allocation.benchmark;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.ConsumerGroupState;

/**
 * Watches the consumer group of a Streams application through the admin client, to tell how much of
 * a restart is spent waiting for the group to drop a closed instance before any state is restored.
 */
final class ConsumerGroupProbe {

    private static final long POLL_MILLIS = 50;
    private static final long REQUEST_TIMEOUT_SECONDS = 10;

    private final Admin admin;
    private final String groupId;

    ConsumerGroupProbe(Admin admin, String groupId) {
        this.admin = admin;
        this.groupId = groupId;
    }

    /** Member ids of the group now. */
    Set<String> memberIds() throws InterruptedException {
        return describe().members().stream().map(MemberDescription::consumerId).collect(Collectors.toSet());
    }

    /**
     * Waits until the group is stable with members, none of them among {@code departed}; false if the
     * timeout passed first.
     */
    boolean awaitStableWithout(Set<String> departed, Duration timeout) {
        return BoundedWait.until(() -> {
            ConsumerGroupDescription group = describe();
            List<String> members = group.members().stream().map(MemberDescription::consumerId).toList();
            return group.state() == ConsumerGroupState.STABLE && !members.isEmpty()
                    && Collections.disjoint(members, departed);
        }, timeout, Duration.ofMillis(POLL_MILLIS));
    }

    private ConsumerGroupDescription describe() throws InterruptedException {
        try {
            return admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId)
                    .get(REQUEST_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not describe consumer group " + groupId, e);
        }
    }
}
