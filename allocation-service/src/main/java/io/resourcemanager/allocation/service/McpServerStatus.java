package io.resourcemanager.allocation.service;

import java.util.List;
import java.util.Map;

/** Endpoint and status of MCP servers, for the request_resources answer. */
public interface McpServerStatus {

    /** One {@code {name, endpoint, status}} entry per name, in order. */
    List<Map<String, Object>> describe(List<String> names);
}
