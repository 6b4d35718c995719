/**
 * The engine's staff groups, identity bridge and Tasklist filters. Shared kernel, named interface of the platform module.
 */
@org.springframework.modulith.NamedInterface("camunda")
package io.billflow.platform.camunda;
