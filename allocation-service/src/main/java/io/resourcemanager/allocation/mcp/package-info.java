/**
 * The allocation API as MCP tools: {@code request_resources}, {@code release_resources},
 * {@code get_capacity}, {@code get_allocation}, {@code list_allocations} and {@code cleanup_expired}
 * (SPEC §1).
 *
 * <p>{@link io.resourcemanager.allocation.mcp.AllocationTools} maps each tool to
 * {@link io.resourcemanager.allocation.service.AllocationOperations}, the same facade REST uses, and
 * {@link io.resourcemanager.allocation.mcp.ToolResults} turns the answer into a tool result that
 * carries the REST JSON body. The transport is configuration ({@code micronaut.mcp.server.*}):
 * Streamable HTTP at {@code /mcp} on the service's port by default, STDIO with the
 * {@code mcp-stdio} environment that {@link io.resourcemanager.allocation.mcp.StdioLauncher} selects.
 */
package io.resourcemanager.allocation.mcp;
