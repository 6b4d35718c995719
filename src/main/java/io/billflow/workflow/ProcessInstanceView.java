package io.billflow.workflow;

import java.time.Instant;
import java.util.List;

/**
 * A process instance as the API shows it: ids and state, never business documents (those live in
 * billflow's own tables and have their own endpoints).
 *
 * @param state ACTIVE, SUSPENDED, COMPLETED or TERMINATED (ended by cancellation)
 * @param activeActivities ids of the BPMN elements the instance waits in (e.g. {@code Task_ReviewReport})
 */
public record ProcessInstanceView(String id, String processDefinitionKey, String processDefinitionId,
                                  String businessKey, String state, Instant startedAt, Instant endedAt,
                                  List<String> activeActivities) {
}
