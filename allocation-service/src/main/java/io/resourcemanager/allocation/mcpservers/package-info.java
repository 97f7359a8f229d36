/**
 * MCP server lifecycle: the MCP server Deployments of the cluster run only while active
 * allocations reference them.
 *
 * <p>{@link io.resourcemanager.allocation.mcpservers.McpServerPlanner} is the pure decision over a
 * {@link io.resourcemanager.allocation.mcpservers.McpServerSnapshot} (references, replicas, idle timers,
 * the time). {@link io.resourcemanager.allocation.mcpservers.McpServerLifecycle} observes the cluster
 * through the {@link io.resourcemanager.allocation.mcpservers.McpDeployments} port on a fixed delay,
 * asks the planner and carries the plan out; it also answers
 * {@link io.resourcemanager.allocation.mcpservers.McpServerDirectory} reads from its latest observation,
 * so reads never touch the Kubernetes API. The references come from an
 * {@link io.resourcemanager.allocation.mcpservers.McpServerReferences} bean that the allocation ledger
 * provides; without one, the lifecycle is not started.
 */
package io.resourcemanager.allocation.mcpservers;
