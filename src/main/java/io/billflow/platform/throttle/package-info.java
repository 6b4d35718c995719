/**
 * Send limits and sign-in throttling shared by every place that sends a link or a code. Shared kernel, named interface of the platform module.
 */
@org.springframework.modulith.NamedInterface("throttle")
package io.billflow.platform.throttle;
