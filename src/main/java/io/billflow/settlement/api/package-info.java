/** What other modules may use of this module. */
@org.springframework.modulith.NamedInterface("api")
package io.billflow.settlement.api;
