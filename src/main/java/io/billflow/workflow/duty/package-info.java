/**
 * Separation of duty on user tasks: who did which step ({@code TaskActors}) and the refusal of a second step by the same person ({@code TaskRefusals}).
 */
@org.springframework.modulith.NamedInterface("duty")
package io.billflow.workflow.duty;
