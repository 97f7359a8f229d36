package io.resourcemanager.provisioner.domain.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.resourcemanager.provisioner.domain.ObservedNode;
import io.resourcemanager.provisioner.domain.infra.VmInfo;
import io.resourcemanager.provisioner.domain.infra.VmInfo.VmPower;
import io.resourcemanager.provisioner.domain.reconcile.ReconcileAction.AdoptNode;
import io.resourcemanager.provisioner.domain.reconcile.ReconcileAction.FlagNode;
import io.resourcemanager.provisioner.domain.reconcile.ReconcileAction.ForgetNode;
import io.resourcemanager.provisioner.domain.reconcile.ReconcileAction.RemoveOrphanVm;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReconcilerTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final Duration GRACE = Duration.ofMinutes(10);

    private final Reconciler reconciler = new Reconciler(new ReconcileSettings(GRACE));

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("VM of ours without node is removed", world().vm(105, "burst-a", "burst", VmPower.RUNNING),
                        RemoveOrphanVm.class),
                rule("Ready node of our VM without pool label is adopted",
                        world().vm(105, "burst-a", "burst", VmPower.RUNNING).node("burst-a", "", true), AdoptNode.class),
                rule("Ready labelled node of our VM missing from the inventory is adopted",
                        world().vm(105, "burst-a", "burst", VmPower.RUNNING).node("burst-a", "burst", true),
                        AdoptNode.class),
                rule("node of our VM that never turns Ready is flagged",
                        world().vm(105, "burst-a", "burst", VmPower.RUNNING).node("burst-a", "", false), FlagNode.class),
                rule("pool label contradicting the VM's tag is flagged",
                        world().vm(105, "burst-a", "burst", VmPower.RUNNING).node("burst-a", "spot", true),
                        FlagNode.class),
                rule("labelled node without VM of ours, unknown to the inventory, is flagged",
                        world().node("stray", "burst", true), FlagNode.class),
                rule("inventory entry without node or VM is forgotten", world().known("burst-a", "burst"),
                        ForgetNode.class),
                rule("protected inventory entry without node or VM is flagged, not forgotten",
                        world().known("perm-1", "permanent"), FlagNode.class),
                rule("protected VM of ours without node is flagged, not removed",
                        world().vm(105, "perm-1", "permanent", VmPower.STOPPED), FlagNode.class),
                rule("stopped duplicate of the running VM is removed",
                        world().vm(105, "burst-a", "burst", VmPower.RUNNING).vm(107, "burst-a", "burst", VmPower.STOPPED)
                                .node("burst-a", "burst", true).known("burst-a", "burst"), RemoveOrphanVm.class),
                rule("ambiguous duplicates are flagged",
                        world().vm(105, "burst-a", "burst", VmPower.RUNNING).vm(107, "burst-a", "burst", VmPower.RUNNING),
                        FlagNode.class),
                rule("worker of ours known to the inventory is left alone",
                        world().vm(105, "burst-a", "burst", VmPower.RUNNING).node("burst-a", "burst", true)
                                .known("burst-a", "burst"), null),
                rule("known Ready node whose VM is not ours is left alone",
                        world().node("perm-1", "permanent", true).known("perm-1", "permanent")
                                .node("burst-x", "burst", true).known("burst-x", "burst"), null),
                rule("known NotReady node whose VM is not ours is left alone (repair's business)",
                        world().node("burst-x", "burst", false).known("burst-x", "burst"), null),
                rule("node without pool label and no VM of ours is ignored", world().node("control-plane", "", true),
                        null),
                rule("permanent worker built elsewhere is not flagged while the inventory catches up",
                        world().node("perm-1", "permanent", true), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void shouldActOnlyOnASecondSightingAfterTheGrace(String rule, World world, Class<?> expected) {
        ReconcilePlan first = reconciler.plan(world.snapshot(Map.of()), NOW);
        ReconcilePlan second = reconciler.plan(world.snapshot(first.suspicions()), NOW.plus(GRACE));

        assertThat(first.actions()).isEmpty();
        if (expected == null) {
            assertThat(second.actions()).isEmpty();
            assertThat(second.suspicions()).isEmpty();
        } else {
            assertThat(second.actions()).singleElement().isInstanceOf(expected)
                    .satisfies(action -> assertThat(action.reason()).isNotBlank());
        }
    }

    @Test
    void shouldRemoveAnOrphanVmOnlyOnceItOutlastedTheGraceAndKeepAskingWhileItStays() {
        World world = world().vm(105, "burst-a", "burst", VmPower.STOPPED);

        ReconcilePlan first = reconciler.plan(world.snapshot(Map.of()), NOW);
        ReconcilePlan early = reconciler.plan(world.snapshot(first.suspicions()), NOW.plus(GRACE).minusSeconds(1));
        ReconcilePlan due = reconciler.plan(world.snapshot(early.suspicions()), NOW.plus(GRACE));
        ReconcilePlan still = reconciler.plan(world.snapshot(due.suspicions()), NOW.plus(GRACE).plusSeconds(60));

        assertThat(early.actions()).isEmpty();
        assertThat(early.suspicions()).containsEntry("burst-a", new Suspicion(Suspicion.Kind.ORPHAN_VM, NOW, false));
        assertThat(due.actions()).singleElement().isInstanceOfSatisfying(RemoveOrphanVm.class, remove -> {
            assertThat(remove.vm().vmId()).isEqualTo(105);
            assertThat(remove.reason()).contains("VM 105", "no Kubernetes node since " + NOW, "10 min grace");
        });
        assertThat(still.actions()).hasSize(1);
    }

    @Test
    void shouldNotCountTheSameRunTwiceAsASecondSighting() {
        World world = world().known("burst-a", "burst");
        ReconcilePlan first = reconciler.plan(world.snapshot(Map.of()), NOW);

        assertThat(reconciler.plan(world.snapshot(first.suspicions()), NOW).actions()).isEmpty();
    }

    @Test
    void shouldClearTheSuspicionWhenTheNodeShowsUpAndStartOverWhenItGoesAgain() {
        World orphan = world().vm(105, "burst-a", "burst", VmPower.RUNNING);
        World joined = world().vm(105, "burst-a", "burst", VmPower.RUNNING).node("burst-a", "burst", true)
                .known("burst-a", "burst");

        ReconcilePlan first = reconciler.plan(orphan.snapshot(Map.of()), NOW);
        ReconcilePlan healed = reconciler.plan(joined.snapshot(first.suspicions()), NOW.plusSeconds(300));
        ReconcilePlan again = reconciler.plan(orphan.snapshot(healed.suspicions()), NOW.plus(GRACE));

        assertThat(healed.suspicions()).isEmpty();
        assertThat(again.actions()).isEmpty();
        assertThat(again.suspicions().get("burst-a").since()).isEqualTo(NOW.plus(GRACE));
    }

    @Test
    void shouldClearTheSuspicionWhenTheOrphanVmIsGone() {
        World orphan = world().vm(105, "burst-a", "burst", VmPower.RUNNING);
        ReconcilePlan first = reconciler.plan(orphan.snapshot(Map.of()), NOW);

        ReconcilePlan after = reconciler.plan(world().snapshot(first.suspicions()), NOW.plus(GRACE));

        assertThat(after.actions()).isEmpty();
        assertThat(after.suspicions()).isEmpty();
    }

    @Test
    void shouldNeverTouchAWorkerASagaIsWorkingOn() {
        World world = world().vm(105, "burst-a", "burst", VmPower.STOPPED).known("gone", "burst")
                .inFlight("burst-a").inFlight("gone");
        Map<String, Suspicion> old = Map.of("burst-a",
                new Suspicion(Suspicion.Kind.ORPHAN_VM, NOW.minusSeconds(3600), false));

        ReconcilePlan plan = reconciler.plan(world.snapshot(old), NOW);

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.suspicions()).isEmpty();
    }

    @Test
    void shouldNeverRemoveAProtectedWorkerAndFlagItOnlyOnce() {
        World world = world().vm(100, "perm-1", "burst", VmPower.STOPPED).known("perm-1", "permanent");

        List<ReconcileAction> actions = runs(world, 5);

        assertThat(actions).singleElement().isInstanceOfSatisfying(FlagNode.class, flag ->
                assertThat(flag.reason()).contains("protected", "not removed"));
    }

    @Test
    void shouldFlagAnUnknownNodeOncePerSuspicionAndAgainAfterItCameBack() {
        World stray = world().node("stray", "burst", true);
        World none = world();

        ReconcilePlan p1 = reconciler.plan(stray.snapshot(Map.of()), NOW);
        ReconcilePlan p2 = reconciler.plan(stray.snapshot(p1.suspicions()), NOW.plusSeconds(60));
        ReconcilePlan p3 = reconciler.plan(stray.snapshot(p2.suspicions()), NOW.plusSeconds(120));
        ReconcilePlan p4 = reconciler.plan(none.snapshot(p3.suspicions()), NOW.plusSeconds(180));
        ReconcilePlan p5 = reconciler.plan(stray.snapshot(p4.suspicions()), NOW.plusSeconds(240));
        ReconcilePlan p6 = reconciler.plan(stray.snapshot(p5.suspicions()), NOW.plusSeconds(300));

        assertThat(p2.actions()).singleElement().isInstanceOfSatisfying(FlagNode.class, flag -> {
            assertThat(flag.pool()).isEqualTo("burst");
            assertThat(flag.reason()).contains("no VM tagged as ours", "not deleted");
        });
        assertThat(p3.actions()).isEmpty();
        assertThat(p5.actions()).isEmpty();
        assertThat(p6.actions()).hasSize(1);
    }

    @Test
    void shouldAdoptAnUnlabelledNodeIntoThePoolOfItsVmsTag() {
        World world = world().vm(105, "burst-a", "burst", VmPower.RUNNING).node("burst-a", "", true);

        assertThat(runs(world, 2)).singleElement().isInstanceOfSatisfying(AdoptNode.class, adopt -> {
            assertThat(adopt.pool()).isEqualTo("burst");
            assertThat(adopt.vm().vmId()).isEqualTo(105);
            assertThat(adopt.reason()).contains("no pool label");
        });
    }

    @Test
    void shouldWaitForABootingNodeWithinTheGrace() {
        World booting = world().vm(105, "burst-a", "burst", VmPower.RUNNING).node("burst-a", "", false);
        ReconcilePlan first = reconciler.plan(booting.snapshot(Map.of()), NOW);

        assertThat(reconciler.plan(booting.snapshot(first.suspicions()), NOW.plus(GRACE).minusSeconds(1)).actions())
                .isEmpty();
    }

    @Test
    void shouldRemoveOnlyTheStoppedDuplicates() {
        World world = world().vm(105, "burst-a", "burst", VmPower.RUNNING).vm(107, "burst-a", "burst", VmPower.STOPPED)
                .vm(109, "burst-a", "burst", VmPower.STOPPED).node("burst-a", "burst", true).known("burst-a", "burst");

        assertThat(runs(world, 2)).extracting(action -> ((RemoveOrphanVm) action).vm().vmId()).containsExactly(107, 109);
    }

    @Test
    void shouldStartOverWhenTheDiscrepancyChangesKind() {
        ReconcilePlan first = reconciler.plan(world().vm(105, "burst-a", "burst", VmPower.RUNNING).snapshot(Map.of()), NOW);
        World unadopted = world().vm(105, "burst-a", "burst", VmPower.RUNNING).node("burst-a", "", true);

        ReconcilePlan second = reconciler.plan(unadopted.snapshot(first.suspicions()), NOW.plus(GRACE));

        assertThat(second.actions()).isEmpty();
        assertThat(second.suspicions().get("burst-a").kind()).isEqualTo(Suspicion.Kind.UNADOPTED_NODE);
    }

    /** The actions of {@code count} runs a grace apart, each fed the previous run's suspicions. */
    private List<ReconcileAction> runs(World world, int count) {
        List<ReconcileAction> actions = new ArrayList<>();
        Map<String, Suspicion> suspicions = Map.of();
        for (int i = 0; i < count; i++) {
            ReconcilePlan plan = reconciler.plan(world.snapshot(suspicions), NOW.plus(GRACE.multipliedBy(i)));
            actions.addAll(plan.actions());
            suspicions = plan.suspicions();
        }
        return actions;
    }

    private static Arguments rule(String description, World world, Class<? extends ReconcileAction> expected) {
        return Arguments.of(description, world, expected);
    }

    private static World world() {
        return new World();
    }

    /** Builds what the reconciler sees: VMs of ours, cluster nodes, inventory, in-flight sagas. */
    static final class World {
        private final List<VmInfo> vms = new ArrayList<>();
        private final List<ObservedNode> nodes = new ArrayList<>();
        private final List<ObservedNode> inventory = new ArrayList<>();
        private final Set<String> inFlight = new HashSet<>();

        World vm(int id, String name, String pool, VmPower power) {
            vms.add(new VmInfo(id, name, "pve1", power, true, pool, "small", false));
            return this;
        }

        World node(String name, String pool, boolean ready) {
            nodes.add(node(name, pool, ready, true));
            return this;
        }

        World known(String name, String pool) {
            inventory.add(node(name, pool, true, true));
            return this;
        }

        World inFlight(String name) {
            inFlight.add(name);
            return this;
        }

        ReconcileSnapshot snapshot(Map<String, Suspicion> suspicions) {
            return new ReconcileSnapshot(vms, nodes, inventory, inFlight, suspicions);
        }

        private static ObservedNode node(String name, String pool, boolean ready, boolean schedulable) {
            Map<String, String> labels = pool.isEmpty() ? Map.of() : Map.of("node-pool", pool);
            return new ObservedNode(name, pool, "small", 3800, 7680, 0, 100, ready, schedulable, labels);
        }
    }
}
