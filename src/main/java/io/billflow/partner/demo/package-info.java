/**
 * Local profile only, and not in the production jar (ADR 0005): the demo's buyer company and partners, made
 * through the partner use cases, for the other modules' demo data (the settlement month of the README's
 * walkthrough). A named interface of its own so that no production code can come to depend on it.
 */
@org.springframework.modulith.NamedInterface("demo")
package io.billflow.partner.demo;
