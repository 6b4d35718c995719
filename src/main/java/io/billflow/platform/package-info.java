/**
 * The platform: what every capability builds on, and nothing of the business. Owns {@code audit_log},
 * {@code one_time_code} and {@code rate_limit_counter}. Offers its capability packages as named interfaces — {@code audit} (the audit log),
 * {@code crypto} (the KEK and sealed secrets), {@code security} (staff and API sign-in, roles), {@code throttle}
 * (rate limits), {@code onetimecode} (codes texted to prove who holds a mobile), {@code time} (the clock), {@code web} and {@code web.input} (errors as problem+json, input checks),
 * {@code metrics} and {@code camunda} (the engine's configuration and staff identities). Uses no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package io.billflow.platform;
