package io.billflow.platform.camunda;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.billflow.workflow.BpmnIds;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters operations and settlement managers work from, created on start when missing
 * (by name, so an administrator's edits stay). Staff groups may read every filter (StaffAuthorizations).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class TasklistFilters implements ApplicationRunner {

    /** A filter: its name, its order in Tasklist, and the task query it saves. */
    public record Definition(String name, int priority, String color, Function<TaskQuery, TaskQuery> query) {
    }

    public static final List<Definition> FILTERS = List.of(
            new Definition("운영 업무 (operations)", 10, "#1f6feb", q -> q.taskCandidateGroup(StaffGroups.OPERATIONS)
                    .includeAssignedTasks()),
            new Definition("국세청 전송 실패", 11, "#d1242f",
                    q -> q.taskDefinitionKey(BpmnIds.ReverseInvoice.TASK_HANDLE_TRANSMISSION_FAILURE)),
            new Definition("발급기한 임박 요청", 12, "#bf8700",
                    q -> q.taskDefinitionKey(BpmnIds.DeadlineEscalation.TASK_HANDLE)),
            new Definition("지급 실패", 13, "#d1242f", q -> q.taskDefinitionKey(BpmnIds.Settlement.TASK_HANDLE_PAYOUT_FAILURE)),
            new Definition("정산 업무 (settlement managers)", 20, "#1a7f37",
                    q -> q.taskCandidateGroup(StaffGroups.SETTLEMENT_MANAGERS).includeAssignedTasks()),
            new Definition("정산리포트 검토", 21, "#1a7f37", q -> q.taskDefinitionKey(BpmnIds.Settlement.TASK_REVIEW)),
            new Definition("지급 승인 (4-eyes)", 22, "#8250df", q -> q.taskDefinitionKey(BpmnIds.Settlement.TASK_APPROVE_PAYOUT)));

    private final FilterService filterService;
    private final TaskService taskService;

    public TasklistFilters(FilterService filterService, TaskService taskService) {
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Definition definition : FILTERS) {
            if (filterService.createFilterQuery().filterName(definition.name()).count() > 0) {
                continue;
            }
            Filter filter = filterService.newTaskFilter(definition.name())
                    .setQuery(definition.query().apply(taskService.createTaskQuery()))
                    .setProperties(Map.of("priority", definition.priority(), "color", definition.color(),
                            "refresh", true, "description", "billflow"));
            filterService.saveFilter(filter);
        }
    }
}
