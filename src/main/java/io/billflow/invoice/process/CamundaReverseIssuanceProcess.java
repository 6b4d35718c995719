package io.billflow.invoice.process;

import static io.billflow.workflow.BpmnIds.ReverseInvoice.*;

import java.util.List;
import java.util.Map;

import io.billflow.invoice.application.ReverseIssuanceProcess;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.EventSubscriptionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.NativeExecutionQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * {@link ReverseIssuanceProcess} on Camunda: starts {@code reverseInvoiceProcess} and correlates the
 * supplier's and buyer's decisions by business key (indexed), inside the caller's transaction, so the
 * invoice state and the process move together or not at all.
 */
@Component
class CamundaReverseIssuanceProcess implements ReverseIssuanceProcess {

    private final RuntimeService runtimeService;
    private final String reminderInterval;
    /** The engine's table names, with whatever table prefix it was configured with (as its docs advise). */
    private final String executions;
    private final String subscriptions;

    public CamundaReverseIssuanceProcess(RuntimeService runtimeService, ManagementService managementService,
                                         @org.springframework.beans.factory.annotation.Value(
                                                 "${billflow.invoice.reminder-interval:P2D}") String reminderInterval) {
        this.runtimeService = runtimeService;
        this.reminderInterval = reminderInterval;
        this.executions = managementService.getTableName(ExecutionEntity.class);
        this.subscriptions = managementService.getTableName(EventSubscriptionEntity.class);
    }

    @Override
    public void requested(long invoiceId) {
        runtimeService.startProcessInstanceByKey(PROCESS_ID, String.valueOf(invoiceId),
                Map.of(VAR_INVOICE_ID, invoiceId, VAR_REMINDER_INTERVAL, reminderInterval));
    }

    @Override
    public void approved(long invoiceId) {
        correlate(MESSAGE_APPROVED, invoiceId);
    }

    @Override
    public void refused(long invoiceId) {
        correlate(MESSAGE_REJECTED, invoiceId);
    }

    @Override
    public void requestCancelled(long invoiceId) {
        correlate(MESSAGE_REQUEST_CANCELLED, invoiceId);
    }

    @Override
    public void issueCancelled(long invoiceId) {
        correlate(MESSAGE_ISSUE_CANCELLED, invoiceId);
    }

    @Override
    public void transmitted(List<Long> invoiceIds) {
        for (Execution waiting : waitingFor(MESSAGE_TRANSMITTED, invoiceIds)) {
            runtimeService.messageEventReceived(MESSAGE_TRANSMITTED, waiting.getId());
        }
    }

    @Override
    public void transmissionFailed(long invoiceId) {
        correlate(MESSAGE_TRANSMISSION_FAILED, invoiceId);
    }

    @Override
    public String currentActivity(long invoiceId) {
        List<ProcessInstance> running = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(String.valueOf(invoiceId)).active().list();
        if (running.isEmpty()) {
            return null;
        }
        return String.join(",", runtimeService.getActiveActivityIds(running.get(0).getId()));
    }

    /**
     * The executions of these invoices' instances that wait for {@code message}, in one native query (the
     * engine's own tables, the way Camunda documents native queries). Correlating invoice by invoice asked
     * the database twice per invoice just to find the execution (by business key, then for message start
     * events); the triggered executions come back as entities the engine keeps for the trigger that follows.
     */
    private List<Execution> waitingFor(String message, List<Long> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return List.of();
        }
        StringBuilder keys = new StringBuilder();
        NativeExecutionQuery query = runtimeService.createNativeExecutionQuery();
        for (int i = 0; i < invoiceIds.size(); i++) {
            keys.append(i == 0 ? "" : ", ").append("#{key").append(i).append('}');
            query.parameter("key" + i, String.valueOf(invoiceIds.get(i)));
        }
        return query.sql("select E.* from " + executions + " E "
                + "join " + subscriptions + " S on S.EXECUTION_ID_ = E.ID_ "
                + "join " + executions + " P on P.ID_ = E.PROC_INST_ID_ "
                + "where S.EVENT_TYPE_ = 'message' and S.EVENT_NAME_ = #{message} "
                + "and P.PROC_DEF_KEY_ = #{process} and P.BUSINESS_KEY_ in (" + keys + ")")
                .parameter("message", message).parameter("process", PROCESS_ID).list();
    }

    /**
     * Correlates to the invoice's waiting instance. Invoices requested before the process existed have
     * none; their state lives in the invoice tables, so nothing is lost by correlating to nobody.
     */
    private void correlate(String message, long invoiceId) {
        runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(String.valueOf(invoiceId))
                .correlateAllWithResult();
    }
}
