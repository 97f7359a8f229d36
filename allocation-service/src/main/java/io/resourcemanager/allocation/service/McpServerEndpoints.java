package io.resourcemanager.allocation.service;

import java.util.List;
import java.util.Map;

/** The MCP servers of a granted allocation, for the request_resources answer. */
public interface McpServerEndpoints {

    /**
     * Makes sure the named servers are being started (idempotent, does not wait) and returns one
     * {@code {name, endpoint, status}} entry per name, in order.
     */
    List<Map<String, Object>> forGrantedAllocation(List<String> names);
}
