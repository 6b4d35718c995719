package io.billflow.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.billflow.platform.web.FieldViolation;
import io.billflow.platform.web.InvalidInputException;
import io.billflow.platform.security.StaffIdentity;
import io.billflow.platform.web.ResourceNotFoundException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * Starts and reads process instances on behalf of the authenticated caller. Every call runs with the
 * caller's identity set on the engine, so Camunda's authorizations decide (an api-client without
 * CREATE_INSTANCE gets 403 from the engine, not from us).
 */
@Service
class ProcessInstanceService {

    private static final java.util.regex.Pattern VARIABLE_NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final int MAX_STRING = 4000;

    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final HistoryService historyService;
    private final IdentityService identityService;

    /** What systems may start by hand; billflow's own processes are started by their use cases, never here. */
    private final java.util.Set<String> startable;

    public ProcessInstanceService(RuntimeService runtimeService, RepositoryService repositoryService,
                                  HistoryService historyService, IdentityService identityService,
                                  @org.springframework.beans.factory.annotation.Value(
                                          "${billflow.workflow.system-startable-processes:}") List<String> startable) {
        this.startable = java.util.Set.copyOf(startable);
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.historyService = historyService;
        this.identityService = identityService;
    }

    public ProcessInstanceView start(StaffIdentity caller, StartProcessRequest request) {
        Map<String, Object> variables = request.variables() == null ? Map.of() : request.variables();
        validateVariables(variables);
        if (repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(request.processDefinitionKey()).latestVersion().count() == 0) {
            throw new InvalidInputException("processDefinitionKey", "no deployed process has this id");
        }
        if (!startable.contains(request.processDefinitionKey())) {
            // an internal process (the nightly batch, a settlement, a failure escalation…) started with made-up
            // variables would act on billflow's data unvalidated: each has its own endpoint, or admins' /engine-rest
            throw new org.springframework.security.access.AccessDeniedException("not startable by hand");
        }
        return asCaller(caller, () -> {
            ProcessInstance instance;
            try {
                instance = runtimeService.startProcessInstanceByKey(
                        request.processDefinitionKey(), request.businessKey(), variables);
            } catch (org.camunda.bpm.engine.AuthorizationException e) {
                throw e;
            } catch (org.camunda.bpm.engine.ProcessEngineException e) {
                throw missingVariable(request.processDefinitionKey(), e);
            }
            return find(instance.getId());
        });
    }

    public ProcessInstanceView get(StaffIdentity caller, String id) {
        return asCaller(caller, () -> find(id));
    }

    public List<ProcessInstanceView> search(StaffIdentity caller, String processDefinitionKey, String businessKey,
                                            int maxResults) {
        return asCaller(caller, () -> {
            var query = historyService.createHistoricProcessInstanceQuery();
            if (processDefinitionKey != null) {
                query.processDefinitionKey(processDefinitionKey);
            }
            if (businessKey != null) {
                query.processInstanceBusinessKey(businessKey);
            }
            return query.orderByProcessInstanceStartTime().desc().listPage(0, maxResults).stream()
                    .map(this::view).toList();
        });
    }

    private ProcessInstanceView find(String id) {
        HistoricProcessInstance historic = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(id).singleResult();
        if (historic == null) {
            throw new ResourceNotFoundException("No process instance " + id + " that you may read");
        }
        return view(historic);
    }

    private ProcessInstanceView view(HistoricProcessInstance historic) {
        boolean running = historic.getEndTime() == null;
        List<String> active = running ? runtimeService.getActiveActivityIds(historic.getId()) : List.of();
        String state = switch (historic.getState()) {
            case HistoricProcessInstance.STATE_ACTIVE -> "ACTIVE";
            case HistoricProcessInstance.STATE_SUSPENDED -> "SUSPENDED";
            case HistoricProcessInstance.STATE_COMPLETED -> "COMPLETED";
            default -> "TERMINATED";
        };
        return new ProcessInstanceView(historic.getId(), historic.getProcessDefinitionKey(),
                historic.getProcessDefinitionId(), historic.getBusinessKey(), state,
                historic.getStartTime().toInstant(),
                historic.getEndTime() == null ? null : historic.getEndTime().toInstant(), active);
    }

    private static final java.util.regex.Pattern UNRESOLVED =
            java.util.regex.Pattern.compile("Cannot resolve identifier '([A-Za-z_][A-Za-z0-9_]*)'");

    /**
     * A process that needs a variable the caller did not send fails inside the engine (the start is
     * rolled back): that is the caller's input, a 400 naming the variable, not a 500.
     */
    private static RuntimeException missingVariable(String processKey, org.camunda.bpm.engine.ProcessEngineException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            java.util.regex.Matcher unresolved = UNRESOLVED.matcher(String.valueOf(cause.getMessage()));
            if (unresolved.find()) {
                return new InvalidInputException("variables." + unresolved.group(1),
                        "is required to start " + processKey);
            }
        }
        return e;
    }

    private static void validateVariables(Map<String, Object> variables) {
        List<FieldViolation> violations = new ArrayList<>();
        variables.forEach((name, value) -> {
            String field = "variables." + name;
            if (!VARIABLE_NAME.matcher(name).matches()) {
                violations.add(FieldViolation.of(field, "variable names are letters, digits and _ (at most 64)"));
            } else if (value instanceof String text && text.length() > MAX_STRING) {
                violations.add(FieldViolation.of(field, "must be at most " + MAX_STRING + " characters"));
            } else if (!(value == null || value instanceof String || value instanceof Number
                    || value instanceof Boolean)) {
                violations.add(FieldViolation.of(field,
                        "must be a string, number or boolean: processes hold ids, not documents"));
            }
        });
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    private <T> T asCaller(StaffIdentity caller, java.util.function.Supplier<T> work) {
        identityService.setAuthentication(caller.userId(), caller.groups());
        try {
            return work.get();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
