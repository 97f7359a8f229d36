package io.resourcemanager.allocation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.resourcemanager.allocation.domain.Allocation;
import io.resourcemanager.allocation.domain.LedgerSettings;
import io.resourcemanager.events.AllocationDeadlineExtended;
import io.resourcemanager.events.AllocationExpired;
import io.resourcemanager.events.AllocationGranted;
import io.resourcemanager.events.AllocationRequestEnvelope;
import io.resourcemanager.events.AllocationState;
import io.resourcemanager.events.AllocationStatus;
import io.resourcemanager.events.EventHeader;
import io.resourcemanager.events.Priority;
import io.resourcemanager.events.SubjectType;
import io.resourcemanager.kafka.testing.Events;
import io.resourcemanager.kafka.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TTL extensions from {@code rm.ttl.events} through the ledger topology to {@code rm.allocations}. */
class LedgerExtensionTopologyTest {

    private static final String ID = "alloc-000000000001";
    private static final Instant ORIGINAL_DEADLINE = Events.T0.plusSeconds(3600);
    private static final Instant NEW_DEADLINE = Events.T0.plusSeconds(7200);

    private final MutableClock clock = new MutableClock(Events.T0);
    private LedgerDriver ledger;

    @BeforeEach
    void startLedgerWithOneActiveAllocation() {
        ledger = new LedgerDriver(LedgerSettings.defaults().withMaxWorkers(10), clock);
        ledger.node("node-a");
        ledger.node("node-b");
        ledger.request(ID, 2, Priority.NORMAL, null, false);
        assertThat(ledger.decisions()).singleElement().isInstanceOf(AllocationGranted.class);
        assertThat(ledger.states().get(ID).getTtlSeconds()).isEqualTo(3600);
    }

    @AfterEach
    void closeLedger() {
        ledger.close();
    }

    @Test
    void shouldPublishTheExtendedTtlSoViewsDoNotExpireTheAllocationEarly() {
        clock.advance(Duration.ofSeconds(3000));
        EventHeader header = Events.header();

        ledger.ttlExtended(ID, SubjectType.ALLOCATION, ORIGINAL_DEADLINE, NEW_DEADLINE, header);

        AllocationState state = ledger.states().get(ID);
        assertThat(state.getState()).isEqualTo(AllocationStatus.ACTIVE);
        assertThat(state.getTtlSeconds()).isEqualTo(7200);
        assertThat(state.getWorkers()).hasSize(2);
        Allocation viewed = AllocationRecords.allocation(state, LedgerSettings.defaults().defaultShape());
        assertThat(viewed.isExpired(ORIGINAL_DEADLINE)).as("past the original deadline").isFalse();
        assertThat(viewed.isExpired(NEW_DEADLINE.minusMillis(1))).isFalse();
        assertThat(viewed.isExpired(NEW_DEADLINE)).isTrue();
        assertThat(ledger.decisions()).as("rm.allocation.events has no extension event").isEmpty();
    }

    @Test
    void shouldRouteTheExtensionToTheClusterWithARequestIdFromTheTtlEvent() {
        EventHeader header = Events.header();

        ledger.ttlExtended(ID, SubjectType.ALLOCATION, ORIGINAL_DEADLINE, NEW_DEADLINE, header);

        List<KeyValue<String, AllocationRequestEnvelope>> routed = ledger.routedRequests();
        assertThat(routed).singleElement().satisfies(request -> {
            assertThat(request.key).isEqualTo(LedgerDriver.CLUSTER);
            assertThat(request.value.getHeader().getCausationId()).isEqualTo(header.getEventId().toString());
            assertThat(request.value.getPayload()).isInstanceOfSatisfying(AllocationDeadlineExtended.class, extension -> {
                assertThat(extension.getRequestId()).isEqualTo("extension-" + header.getEventId());
                assertThat(extension.getAllocationId()).isEqualTo(ID);
                assertThat(extension.getDeadline()).isEqualTo(NEW_DEADLINE);
            });
        });
    }

    @Test
    void shouldExpireOnlyAtTheExtendedDeadline() {
        ledger.ttlExtended(ID, SubjectType.ALLOCATION, ORIGINAL_DEADLINE, NEW_DEADLINE, Events.header());
        ledger.states();

        clock.advance(Duration.ofSeconds(3600));
        ledger.ttlExpired(ID);
        assertThat(ledger.decisions()).as("at the original deadline").isEmpty();

        clock.advance(Duration.ofSeconds(3600));
        ledger.ttlExpired(ID);
        assertThat(ledger.decisions()).singleElement().isInstanceOfSatisfying(AllocationExpired.class, expired ->
                assertThat(expired.getDeadline()).isEqualTo(NEW_DEADLINE));
    }

    @Test
    void shouldChangeNothingWhenTheExtensionIsRedeliveredOrOutOfDate() {
        EventHeader header = Events.header();
        ledger.ttlExtended(ID, SubjectType.ALLOCATION, ORIGINAL_DEADLINE, NEW_DEADLINE, header);
        assertThat(ledger.states()).containsKey(ID);

        ledger.ttlExtended(ID, SubjectType.ALLOCATION, ORIGINAL_DEADLINE, NEW_DEADLINE, header);
        ledger.ttlExtended(ID, SubjectType.ALLOCATION, ORIGINAL_DEADLINE, ORIGINAL_DEADLINE.plusSeconds(60), Events.header());

        assertThat(ledger.states()).as("no new state").isEmpty();
        assertThat(ledger.decisions()).isEmpty();
    }

    @Test
    void shouldIgnoreExtensionsOfWorkersAndOfAllocationsThatAreNotActive() {
        ledger.ttlExtended("worker-1", SubjectType.WORKER, ORIGINAL_DEADLINE, NEW_DEADLINE, Events.header());
        assertThat(ledger.routedRequests()).as("worker deadlines are not the ledger's").isEmpty();

        ledger.release(ID);
        assertThat(ledger.states().get(ID).getState()).isEqualTo(AllocationStatus.RELEASED);

        ledger.ttlExtended(ID, SubjectType.ALLOCATION, ORIGINAL_DEADLINE, NEW_DEADLINE, Events.header());

        assertThat(ledger.states()).as("a released allocation stays as it is").isEmpty();
    }

    @Test
    void shouldQuietlyIgnoreExtensionRequestsMeantForTheTtlService() {
        ledger.extensionRequested(ID);

        assertThat(ledger.decisions()).isEmpty();
        assertThat(ledger.states()).isEmpty();

        ledger.request("alloc-000000000002", 1, Priority.NORMAL, null, false);
        assertThat(ledger.decisions()).as("the ledger carries on").singleElement().isInstanceOf(AllocationGranted.class);
    }
}
