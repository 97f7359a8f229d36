package io.resourcemanager.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {

    private final Endpoint endpoint = request -> null;
    private final Router router = new Router().add("GET", "/nodes/{node}/qemu/{vmid}/config", endpoint);

    @Test
    void shouldExtractPlaceholderValues() {
        assertThat(router.match("GET", "/nodes/pve1/qemu/104/config"))
                .hasValueSatisfying(match -> assertThat(match.pathParams())
                        .containsExactlyInAnyOrderEntriesOf(Map.of("node", "pve1", "vmid", "104")));
    }

    @Test
    void shouldIgnoreATrailingSlash() {
        assertThat(router.match("GET", "/nodes/pve1/qemu/104/config/")).isPresent();
    }

    @Test
    void shouldNotMatchAnotherMethodOrADeeperPath() {
        assertThat(router.match("POST", "/nodes/pve1/qemu/104/config")).isEmpty();
        assertThat(router.match("GET", "/nodes/pve1/qemu/104/config/x")).isEmpty();
    }

    @Test
    void shouldMergeQueryAndFormBody() throws Exception {
        byte[] body = "name=worker-1&tags=a%3Bb".getBytes(StandardCharsets.UTF_8);

        assertThat(RequestParams.parse("newid=105", "application/x-www-form-urlencoded", body))
                .containsExactlyInAnyOrderEntriesOf(Map.of("newid", "105", "name", "worker-1", "tags", "a;b"));
    }

    @Test
    void shouldFlattenAJsonBodyWithProxmoxBooleans() throws Exception {
        byte[] body = "{\"newid\":105,\"full\":true}".getBytes(StandardCharsets.UTF_8);

        assertThat(RequestParams.parse(null, "application/json", body))
                .containsExactlyInAnyOrderEntriesOf(Map.of("newid", "105", "full", "1"));
    }
}
