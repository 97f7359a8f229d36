package io.resourcemanager.allocation.mcpservers;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ServiceEndpointsTest {

    private static final Supplier<List<Node>> NO_NODES = List::of;

    @Test
    void shouldPreferTheLoadBalancerIngress() {
        Service service = new ServiceBuilder(aService("10.96.0.10", 30080))
                .withNewStatus().withNewLoadBalancer().addNewIngress().withHostname("mcp.example.org").endIngress()
                .addNewIngress().withIp("203.0.113.7").endIngress().endLoadBalancer().endStatus().build();

        assertThat(ServiceEndpoints.of(service, () -> List.of(aNode("n1", "True", "10.0.0.1"))))
                .contains("http://mcp.example.org:8080");
    }

    @Test
    void shouldUseAReadyNodeAndTheNodePortWithoutIngress() {
        List<Node> nodes = List.of(aNode("n2", "True", "10.0.0.2"), aNode("n1", "False", "10.0.0.1"));

        assertThat(ServiceEndpoints.of(aService("10.96.0.10", 30080), () -> nodes)).contains("http://10.0.0.2:30080");
    }

    @Test
    void shouldPreferANodesExternalAddress() {
        Node node = new NodeBuilder(aNode("n1", "True", "10.0.0.1")).editStatus()
                .addNewAddress().withType("ExternalIP").withAddress("198.51.100.4").endAddress().endStatus().build();

        assertThat(ServiceEndpoints.nodeAddress(List.of(node))).contains("198.51.100.4");
    }

    @Test
    void shouldFallBackToTheClusterIpWhenNoNodeIsReady() {
        assertThat(ServiceEndpoints.of(aService("10.96.0.10", 30080), NO_NODES)).contains("http://10.96.0.10:8080");
    }

    @Test
    void shouldUseTheClusterIpWithoutANodePort() {
        assertThat(ServiceEndpoints.of(aService("fd00::a", null), () -> {
            throw new AssertionError("nodes are not needed without a node port");
        })).contains("http://[fd00::a]:8080");
    }

    @Test
    void shouldUseTheClusterDnsNameWithoutAClusterIp() {
        assertThat(ServiceEndpoints.of(aService(null, null), NO_NODES)).contains("http://mcp-github.tools.svc:8080");
        assertThat(ServiceEndpoints.of(aService("None", null), NO_NODES)).contains("http://mcp-github.tools.svc:8080");
    }

    @Test
    void shouldUseHttpsForAnHttpsPort() {
        Service service = new ServiceBuilder(aService("10.96.0.10", null)).editSpec().withPorts()
                .addNewPort().withName("metrics").withPort(9090).endPort()
                .addNewPort().withName("https").withPort(8443).endPort().endSpec().build();

        assertThat(ServiceEndpoints.of(service, NO_NODES)).contains("https://10.96.0.10:8443");
    }

    @Test
    void shouldHaveNoEndpointWithoutAPort() {
        Service service = new ServiceBuilder(aService("10.96.0.10", null)).editSpec().withPorts().endSpec().build();

        assertThat(ServiceEndpoints.of(service, NO_NODES)).isEmpty();
    }

    private static Service aService(String clusterIp, Integer nodePort) {
        return new ServiceBuilder()
                .withNewMetadata().withName("mcp-github").withNamespace("tools").endMetadata()
                .withNewSpec().withType(nodePort == null ? "ClusterIP" : "NodePort").withClusterIP(clusterIp)
                .addNewPort().withName("http").withPort(8080).withNodePort(nodePort).endPort().endSpec()
                .build();
    }

    private static Node aNode(String name, String ready, String internalIp) {
        return new NodeBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewStatus().addNewCondition().withType("Ready").withStatus(ready).endCondition()
                .addNewAddress().withType("InternalIP").withAddress(internalIp).endAddress()
                .addNewAddress().withType("Hostname").withAddress(name).endAddress().endStatus()
                .build();
    }
}
