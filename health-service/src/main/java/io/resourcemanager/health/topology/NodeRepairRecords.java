package io.resourcemanager.health.topology;

import io.resourcemanager.events.NodeConditionSnapshot;
import io.resourcemanager.events.NodeHealthChanged;
import io.resourcemanager.events.RepairLevel;
import io.resourcemanager.health.domain.repair.Episode;
import io.resourcemanager.health.domain.repair.Remedy;
import io.resourcemanager.health.domain.repair.Signal;
import io.resourcemanager.health.domain.repair.Symptoms;
import io.resourcemanager.state.NodeRepair;
import io.resourcemanager.state.RepairEpisode;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Translations between the repair engine's domain values and its records. */
final class NodeRepairRecords {

    private NodeRepairRecords() {
    }

    /**
     * The symptoms a {@code NodeHealthChanged} shows: NotReady while Ready is False or Unknown, memory and
     * disk pressure while True, each since its condition's last transition ({@code at} when unknown); a
     * crash loop while the kubelet restarted, since it was first seen ({@code previous} keeps that). A
     * node without a Ready condition cannot be judged and shows nothing to repair.
     */
    static Symptoms symptoms(NodeHealthChanged changed, Symptoms previous, Instant at) {
        Map<Signal, Instant> since = new EnumMap<>(Signal.class);
        for (NodeConditionSnapshot condition : changed.getConditions()) {
            Instant when = condition.getSince() == null ? at : condition.getSince();
            boolean isTrue = "True".equals(condition.getStatus());
            if ("Ready".equals(condition.getType()) && !isTrue) {
                since.put(Signal.NOT_READY, when);
            } else if ("MemoryPressure".equals(condition.getType()) && isTrue) {
                since.put(Signal.MEMORY_PRESSURE, when);
            } else if ("DiskPressure".equals(condition.getType()) && isTrue) {
                since.put(Signal.DISK_PRESSURE, when);
            }
        }
        if (changed.getKubeletRestarts() > 0) {
            since.put(Signal.KUBELET_CRASH_LOOP, previous.since().getOrDefault(Signal.KUBELET_CRASH_LOOP, at));
        }
        return new Symptoms(since, changed.getKubeletRestarts());
    }

    static Symptoms symptoms(NodeRepair stored) {
        Map<Signal, Instant> since = new EnumMap<>(Signal.class);
        stored.getSignals().forEach((name, when) -> since.put(Signal.valueOf(name), when));
        return new Symptoms(since, stored.getKubeletRestarts());
    }

    static Map<String, Instant> signals(Symptoms symptoms) {
        Map<String, Instant> signals = new LinkedHashMap<>();
        symptoms.since().forEach((signal, when) -> signals.put(signal.name(), when));
        return signals;
    }

    static Episode episode(RepairEpisode stored) {
        if (stored == null) {
            return null;
        }
        return new Episode(Signal.valueOf(stored.getSignal()), stored.getStartedAt(), stored.getAttempts(),
                stored.getLastRung(), stored.getLastAttemptAt(), stored.getInFlight(), stored.getRecoveredAt(),
                stored.getAbandoned());
    }

    static RepairEpisode episode(Episode episode, RepairLevel lastLevel) {
        if (episode == null) {
            return null;
        }
        return RepairEpisode.newBuilder()
                .setSignal(episode.signal().name())
                .setStartedAt(episode.startedAt())
                .setAttempts(episode.attempts())
                .setLastRung(episode.lastRung())
                .setLastAttemptAt(episode.lastAttemptAt())
                .setInFlight(episode.inFlight())
                .setLastLevel(lastLevel)
                .setRecoveredAt(episode.recoveredAt())
                .setAbandoned(episode.abandoned())
                .build();
    }

    static RepairLevel level(Remedy remedy) {
        return RepairLevel.valueOf(remedy.name());
    }
}
