/**
 * The process edge: starting and querying process instances over {@code /api}, the BPMN ids ({@code BpmnIds}),
 * and the separation of duty held against the engine's signed-in user ({@code duty}). Owns no table of its own
 * (the engine's {@code act_*} tables are Camunda's). Offers its base package and {@code duty}. Uses the platform.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workflow")
package io.billflow.workflow;
