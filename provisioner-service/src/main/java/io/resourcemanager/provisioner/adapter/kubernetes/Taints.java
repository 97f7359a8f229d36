package io.resourcemanager.provisioner.adapter.kubernetes;

import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.resourcemanager.provisioner.domain.infra.InfraException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Taints written as {@code key=value:Effect} or {@code key:Effect}, as {@code kubectl taint} takes them. */
final class Taints {

    private static final Pattern FORMAT = Pattern.compile("^([^=:\\s]+)(?:=([^:\\s]*))?:([A-Za-z]+)$");
    private static final Set<String> EFFECTS = Set.of("NoSchedule", "PreferNoSchedule", "NoExecute");
    /** Prefix of the taints Kubernetes itself manages (unreachable, not-ready, unschedulable, …). */
    private static final String SYSTEM_PREFIX = "node.kubernetes.io/";

    private Taints() {
    }

    /**
     * Parses one taint.
     *
     * @throws InfraException.Permanent when the text is not a taint
     */
    static Taint parse(String text) {
        Matcher matcher = FORMAT.matcher(text == null ? "" : text.trim());
        if (!matcher.matches() || !EFFECTS.contains(matcher.group(3))) {
            throw new InfraException.Permanent("Invalid taint '" + text
                    + "': expected key=value:Effect or key:Effect with Effect one of " + EFFECTS);
        }
        return new TaintBuilder().withKey(matcher.group(1)).withValue(emptyToNull(matcher.group(2)))
                .withEffect(matcher.group(3)).build();
    }

    /**
     * The taints a node gets: exactly {@code wanted}, plus those of {@code current} that Kubernetes
     * manages itself (its node lifecycle controller would put them back anyway).
     */
    static List<Taint> replace(List<Taint> current, List<String> wanted) {
        List<Taint> taints = new ArrayList<>();
        if (current != null) {
            current.stream().filter(taint -> taint.getKey().startsWith(SYSTEM_PREFIX)).forEach(taints::add);
        }
        wanted.stream().map(Taints::parse).forEach(taints::add);
        return taints;
    }

    /** {@code key=value:Effect} (or {@code key:Effect}) of a taint. */
    static String format(Taint taint) {
        String value = taint.getValue() == null || taint.getValue().isEmpty() ? "" : "=" + taint.getValue();
        return taint.getKey() + value + ":" + taint.getEffect();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
