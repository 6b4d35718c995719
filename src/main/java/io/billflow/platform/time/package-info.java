/**
 * Business time zone (Asia/Seoul) and the application clock. Shared kernel, named interface of the platform module.
 */
@org.springframework.modulith.NamedInterface("time")
package io.billflow.platform.time;
