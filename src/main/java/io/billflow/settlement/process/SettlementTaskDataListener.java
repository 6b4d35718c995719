package io.billflow.settlement.process;

import static io.billflow.workflow.BpmnIds.Settlement.VAR_REPORT_ID;

import java.util.Map;
import java.util.stream.Collectors;

import io.billflow.settlement.api.SettlementDirectory;
import io.billflow.workflow.BpmnIds.Settlement;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts what the settlement forms show (partner, group, month, the lines and totals, and for payout tasks
 * the amount, date and masked account) on the task as task-local values; the process keeps only ids.
 */
@Component("settlementTaskDataListener")
class SettlementTaskDataListener implements TaskListener {

    private final SettlementDirectory directory;
    private final JdbcTemplate jdbc;

    public SettlementTaskDataListener(SettlementDirectory directory, JdbcTemplate jdbc) {
        this.directory = directory;
        this.jdbc = jdbc;
    }

    @Override
    public void notify(DelegateTask task) {
        long reportId = ((Number) task.getVariable(VAR_REPORT_ID)).longValue();
        SettlementDirectory.ReportSnapshot report = directory.report(reportId).orElseThrow();
        task.setVariableLocal(Settlement.FIELD_PARTNER_NAME, jdbc.queryForObject("select corp_name from settlement_partner where partner_id = ?",
                String.class, report.partnerId()));
        task.setVariableLocal(Settlement.FIELD_GROUP_NAME, directory.group(report.groupId()).map(SettlementDirectory.GroupSnapshot::name)
                .orElse(""));
        task.setVariableLocal(Settlement.FIELD_MONTH, report.month().toString());
        task.setVariableLocal(Settlement.FIELD_LINES, report.lines().stream().map(l -> String.format("%s · %s · %,d · %,d · %,d%s",
                l.media(), l.item(), l.supplyAmount(), l.vat(), l.total(), l.adjustment() ? " (조정)" : ""))
                .collect(Collectors.joining("\n")));
        task.setVariableLocal(Settlement.FIELD_TOTALS, String.format("%,d / %,d / %,d 원", report.supplyTotal(), report.vatTotal(),
                report.totalAmount()));
        task.setVariableLocal(Settlement.FIELD_DEADLINE, String.valueOf(report.deadline()));
        jdbc.queryForList("select payout_amount, scheduled_date, account_masked from settlement_payout where report_id = ?",
                reportId).stream().findFirst().ifPresent((Map<String, Object> payout) -> {
                    task.setVariableLocal(Settlement.FIELD_PAYOUT_AMOUNT, String.format("%,d 원", ((Number) payout.get("payout_amount")).longValue()));
                    task.setVariableLocal(Settlement.FIELD_SCHEDULED_DATE, String.valueOf(payout.get("scheduled_date")));
                    task.setVariableLocal(Settlement.FIELD_MASKED_ACCOUNT, payout.get("account_masked") == null ? "(확인 전)"
                            : payout.get("account_masked"));
                });
    }
}
