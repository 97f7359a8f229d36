package io.resourcemanager.allocation.mcpservers;

import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.resourcemanager.kubernetes.NodeFacts;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Reads the URL clients reach a Service at; plain functions over fabric8 model objects. */
final class ServiceEndpoints {

    private static final List<String> ADDRESS_PREFERENCE = List.of("ExternalIP", "InternalIP", "Hostname");

    private ServiceEndpoints() {
    }

    /**
     * The Service's URL: LoadBalancer ingress (ip, else hostname) and port; else a Ready node's address
     * and the node port; else cluster IP and port; else the cluster DNS name and port.
     *
     * @param nodes the cluster's nodes, asked for only when the Service has a node port
     * @return empty when the Service has no port
     */
    static Optional<String> of(Service service, Supplier<List<Node>> nodes) {
        Optional<ServicePort> port = port(service);
        if (port.isEmpty()) {
            return Optional.empty();
        }
        ServicePort chosen = port.get();
        boolean tls = "https".equals(chosen.getName()) || Integer.valueOf(443).equals(chosen.getPort());
        String scheme = tls ? "https" : "http";
        Optional<String> ingress = ingress(service);
        if (ingress.isPresent()) {
            return Optional.of(url(scheme, ingress.get(), chosen.getPort()));
        }
        if (chosen.getNodePort() != null) {
            Optional<String> node = nodeAddress(nodes.get());
            if (node.isPresent()) {
                return Optional.of(url(scheme, node.get(), chosen.getNodePort()));
            }
        }
        String clusterIp = service.getSpec().getClusterIP();
        if (clusterIp != null && !clusterIp.isBlank() && !"None".equals(clusterIp)) {
            return Optional.of(url(scheme, clusterIp, chosen.getPort()));
        }
        String dns = service.getMetadata().getName() + "." + service.getMetadata().getNamespace() + ".svc";
        return Optional.of(url(scheme, dns, chosen.getPort()));
    }

    /** The port named {@code http}, {@code https} or {@code mcp}, else the first port. */
    static Optional<ServicePort> port(Service service) {
        if (service.getSpec() == null || service.getSpec().getPorts() == null) {
            return Optional.empty();
        }
        List<ServicePort> ports = service.getSpec().getPorts();
        return ports.stream().filter(p -> List.of("http", "https", "mcp").contains(p.getName())).findFirst()
                .or(() -> ports.stream().findFirst());
    }

    /** The preferred address (ExternalIP, InternalIP, Hostname) of the first Ready node by name. */
    static Optional<String> nodeAddress(List<Node> nodes) {
        return nodes.stream()
                .filter(NodeFacts::ready)
                .sorted(Comparator.comparing(NodeFacts::name))
                .flatMap(node -> preferred(node).stream())
                .findFirst();
    }

    private static Optional<String> preferred(Node node) {
        List<NodeAddress> addresses = node.getStatus() == null || node.getStatus().getAddresses() == null
                ? List.of() : node.getStatus().getAddresses();
        return ADDRESS_PREFERENCE.stream()
                .flatMap(type -> addresses.stream().filter(a -> type.equals(a.getType())))
                .map(NodeAddress::getAddress)
                .filter(address -> address != null && !address.isBlank())
                .findFirst();
    }

    private static Optional<String> ingress(Service service) {
        if (service.getStatus() == null || service.getStatus().getLoadBalancer() == null
                || service.getStatus().getLoadBalancer().getIngress() == null) {
            return Optional.empty();
        }
        return service.getStatus().getLoadBalancer().getIngress().stream()
                .flatMap(ServiceEndpoints::host)
                .findFirst();
    }

    private static Stream<String> host(LoadBalancerIngress ingress) {
        return Stream.of(ingress.getIp(), ingress.getHostname()).filter(h -> h != null && !h.isBlank()).limit(1);
    }

    private static String url(String scheme, String host, Integer port) {
        String bracketed = host.contains(":") ? "[" + host + "]" : host;
        return scheme + "://" + bracketed + ":" + port;
    }
}
