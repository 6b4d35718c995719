package io.billflow.bench;

import static io.billflow.workflow.BpmnIds.Settlement.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.billflow.BillflowSpringTest;
import io.billflow.MovableClock;
import io.billflow.TestData;
import io.billflow.TestHttp;
import io.billflow.settlement.adapter.simulator.BankSimulator;
import io.billflow.settlement.application.PayoutAccountInput;
import io.billflow.settlement.application.SettlementFlowService;
import io.billflow.settlement.application.SettlementGroupService;
import io.billflow.settlement.application.SettlementReportService;
import io.billflow.settlement.domain.GroupContact;
import io.billflow.settlement.domain.GroupData;
import io.billflow.settlement.domain.ReportLineInput;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Month-end settlement at scale (issue #7): N settlement groups (default 10,000; {@code -Dbillflow.bench.groups=…}),
 * 10% of them individuals, with the engine's job executor running and the bank simulator at its production
 * latency (80–300 ms a call, set by the {@code benchmark} Maven profile). Run with
 * {@code ./mvnw verify -Pbenchmark -Dtest=SettlementMonthEndBenchmark [-Dbillflow.bench.groups=1000]}.
 * <p>
 * <b>Set-up (not timed).</b> Partners are inserted in SQL; each gets one settlement group with a contact and a payout
 * account through {@link SettlementGroupService#create} (so the account number is sealed the real way), and the
 * matching account in the bank simulator. Last month's reports (M-1) are imported through the import service and
 * then put in SQL into the state their payout finds: reviewed and published; businesses confirmed, with their
 * reverse invoice transmitted (a {@code tax_invoice} row in state 304 carrying the report's amounts, linked from the
 * report; no items); and each gets its {@code settlementProcess} started before {@code Task_SchedulePayout} by
 * process-instance modification, with the variables the real path has set by then — as NightlyBatchBenchmark builds
 * its cancel-window state. The report history gets no rows for those set-up moves.
 * <p>
 * <b>Start (timed).</b> Month M's report of every group is imported and sent to review with the services behind
 * {@code PUT /api/settlement/groups/{id}/reports/{month}} and {@code POST /api/settlement/reports/{id}/review-request}
 * (called in process from {@code billflow.bench.clients} threads, default 4, without HTTP and sign-in) until all N
 * processes wait at {@code Task_ReviewReport}.
 * <p>
 * <b>Payouts (timed).</b> The executor runs the N {@code Task_SchedulePayout} jobs until every payout waits at its
 * date timer; then the clocks (Camunda's and the application's) move to the payout day, 09:00 KST, and the executor
 * runs the timers, 수취조회 and 입금이체 until every report is {@code PAID}. Amounts stay below the four-eyes threshold
 * (at most 9.9 million won), so no approval task is involved. Moving the clock about a day also lets the daily
 * 03:00 NTS batch timer fire once (it finds nothing to send).
 * <p>
 * <b>Floor.</b> After each phase, N no-op asynchronous jobs through the same executor. Afterwards the run is checked:
 * every report paid exactly once, one bank transfer per idempotency key, payouts + withholding = report totals.
 */
@Tag("benchmark")
@BillflowSpringTest
class SettlementMonthEndBenchmark {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final String[] BANKS = {"088", "004", "020", "081", "011", "003", "090", "092"};
    /** Every tenth partner is an individual (원천징수 대상자). */
    static final int INDIVIDUAL_EVERY = 10;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    SettlementGroupService groupService;

    @Autowired
    SettlementReportService reportService;

    @Autowired
    SettlementFlowService flowService;

    @Autowired
    BankSimulator bank;

    @Autowired
    MovableClock clock;

    @Value("${billflow.settlement.buyer-corp-num}")
    String buyerCorpNum;

    @Value("${billflow.simulator.bank.min-latency}")
    Duration bankMinLatency;

    @Value("${billflow.simulator.bank.max-latency}")
    Duration bankMaxLatency;

    @Value("${camunda.bpm.job-execution.core-pool-size}")
    int executorCorePoolSize;

    @Value("${camunda.bpm.job-execution.max-pool-size}")
    int executorMaxPoolSize;

    @Value("${camunda.bpm.job-execution.queue-capacity}")
    int executorQueueCapacity;

    @Value("${camunda.bpm.job-execution.max-jobs-per-acquisition}")
    int maxJobsPerAcquisition;

    @Value("${camunda.bpm.job-execution.wait-time-in-millis}")
    int acquisitionWaitMillis;

    @Value("${camunda.bpm.job-execution.max-wait}")
    long acquisitionMaxWaitMillis;

    @Value("${camunda.bpm.job-execution.backoff-time-in-millis}")
    int acquisitionBackoffMillis;

    @Value("${camunda.bpm.job-execution.max-backoff}")
    long acquisitionMaxBackoffMillis;

    /** One partner, its group, its payout account. */
    record Payee(long partnerId, long groupId, boolean individual, String bankCode, String accountNumber, String holder) {
    }

    @AfterEach
    void backToRealTime() {
        ClockUtil.reset();
        clock.reset();
    }

    @Test
    void monthEndAgainstTheEngineFloor() throws Exception {
        int n = Integer.getInteger("billflow.bench.groups", 10_000);
        int clients = Integer.getInteger("billflow.bench.clients", 4);
        String run = "S" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        YearMonth month = YearMonth.now(SEOUL).minusMonths(1);
        YearMonth lastMonth = month.minusMonths(1);
        JobExecutor executor = executorAsInProduction();

        long setupStart = System.nanoTime();
        List<Payee> payees = payeesWithGroups(n, run, clients);
        double groupSetupSeconds = seconds(setupStart);

        // phase 1: the month's reports imported and sent to review
        jdbc.execute("analyze");
        Measured start = measure(executor, () -> {
            parallel(payees, clients, payee -> importAndRequestReview(payee, month, new Random(payee.groupId())));
            assertThat(taskService.createTaskQuery().processDefinitionKey(PROCESS_ID).taskDefinitionKey(TASK_REVIEW)
                    .count()).as("every report waits for its review").isEqualTo(n);
        });
        Measured startFloor = noopFloor(executor, n);

        // phase 2: last month's payouts, from scheduling to the money on the partner's account
        long payoutSetupStart = System.nanoTime();
        List<Long> lastReports = dueForPayout(payees, lastMonth, clients);
        jdbc.execute("analyze");
        double payoutSetupSeconds = seconds(payoutSetupStart);
        double[] scheduledAfter = new double[1];
        Measured payouts = measure(executor, () -> {
            long phaseStart = System.nanoTime();
            awaitCount("payouts waiting for their day", n, () -> managementService.createJobQuery().timers()
                    .activityId(TIMER_PAYOUT_DATE).count());
            scheduledAfter[0] = seconds(phaseStart);
            payoutDayArrives();
            awaitCount("reports paid", n, () -> count("select count(*) from settlement_report where settlement_month = ? "
                    + "and status = 'PAID'", lastMonth.atDay(1)));
        });
        Measured payoutFloor = noopFloor(executor, n);

        verifyPaidOnce(lastReports, lastMonth);
        String steps = payoutSteps();
        String report = String.format("""
                Month-end settlement, %,d settlement groups (%,d individuals), bank simulator %d–%d ms a call,
                job executor core/max %s; set-up not timed: groups %.0f s, last month's payout state %.0f s
                  start (import %s + review request, %d client threads): %.1f s = %.0f reports/s (%.2f ms each), \
                peak heap %d MiB, load %s
                    floor: %,d no-op jobs in %.1f s (%.2f ms each), load %s; ratio per item %.2f x
                  payouts (schedule, payout day, 수취조회, 입금이체): %.1f s = %.0f payouts/s (%.2f ms each), \
                peak heap %d MiB, load %s
                    of which scheduling %.1f s, payout day %.1f s
                    floor: %,d no-op jobs in %.1f s (%.2f ms each), load %s; ratio per item %.2f x
                    steps (activity: count, total execution ms): %s
                  checked: %,d reports PAID once each, one bank transfer per idempotency key, payouts + withholding = \
                report totals
                """, n, payees.stream().filter(Payee::individual).count(), bankMinLatency.toMillis(),
                bankMaxLatency.toMillis(), executorThreads(), groupSetupSeconds, payoutSetupSeconds,
                month, clients, start.seconds, n / start.seconds, start.perItemMs(n), start.peakHeap >> 20, start.load,
                n, startFloor.seconds, startFloor.perItemMs(n), startFloor.load, start.perItemMs(n) / startFloor.perItemMs(n),
                payouts.seconds, n / payouts.seconds, payouts.perItemMs(n), payouts.peakHeap >> 20, payouts.load,
                scheduledAfter[0], payouts.seconds - scheduledAfter[0],
                n, payoutFloor.seconds, payoutFloor.perItemMs(n), payoutFloor.load,
                payouts.perItemMs(n) / payoutFloor.perItemMs(n), steps, n);
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "settlement-month-end-" + n + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    // ---- set-up ----

    /** Partners in SQL; their groups, contacts and sealed payout accounts through the group service. */
    private List<Payee> payeesWithGroups(int n, String run, int threads) {
        ensureSettlementBuyer();
        List<Object[]> partners = new ArrayList<>(n);
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < n; i++) {
            boolean individual = i % INDIVIDUAL_EVERY == INDIVIDUAL_EVERY - 1;
            String name = individual ? String.format("김벤치%s%05d", run, i) : String.format("(주)정산벤치%s%05d", run, i);
            partners.add(new Object[] {individual ? "INDIVIDUAL" : "BUSINESS",
                    individual ? null : TestData.newBusinessNumber(), name, individual ? null : "홍대표",
                    "서울특별시 강남구 테헤란로 " + (i % 500 + 1), individual ? null : "서비스", individual ? null : "광고대행",
                    "정산담당", "settle+" + run.toLowerCase() + i + "@partner.co.kr", "010-3456-7890",
                    individual ? null : now, now, now});
        }
        jdbc.batchUpdate("insert into partner (version, partner_type, corp_num, corp_name, ceo_name, addr, biz_type, "
                + "biz_class, contact_name, contact_email, contact_mobile, business_state, nts_linked_at, created_at, "
                + "updated_at) values (0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?)", partners);
        // rows written past PartnerService publish no PartnerNamed: fill the settlement's copy as the listener would
        jdbc.update("insert into settlement_partner (partner_id, partner_type, corp_num, corp_name) "
                + "select id, partner_type, corp_num, corp_name from partner where corp_name like ?", "%" + run + "%");
        List<Map<String, Object>> rows = jdbc.queryForList("select id, partner_type, corp_name from partner "
                + "where corp_name like ? order by id", "%" + run + "%");
        assertThat(rows).hasSize(n);
        List<Payee> payees = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, Object> row = rows.get(i);
            payees.add(new Payee(((Number) row.get("id")).longValue(), 0, "INDIVIDUAL".equals(row.get("partner_type")),
                    BANKS[i % BANKS.length], String.format("%04d-%02d-%06d", 1000 + i % 9000, i % 97, i),
                    (String) row.get("corp_name")));
        }
        return parallelMap(payees, threads, this::withGroup);
    }

    private Payee withGroup(Payee payee) {
        GroupData data = new GroupData("정산그룹 " + payee.partnerId(), List.of("채널A", "채널B", "채널C"),
                List.of(new GroupContact("정산담당", "settle+" + payee.partnerId() + "@partner.co.kr", "010-3456-7890")), 10);
        long groupId = groupService.create(payee.partnerId(), data, "010-2345-6789",
                new PayoutAccountInput(payee.bankCode(), payee.accountNumber(), payee.holder()), "manager").id();
        bank.addAccount(payee.bankCode(), payee.accountNumber(), payee.holder());
        return new Payee(payee.partnerId(), groupId, payee.individual(), payee.bankCode(), payee.accountNumber(),
                payee.holder());
    }

    /** The buyer company settlement invoices are written to (SettlementProcessTest makes the same one). */
    private void ensureSettlementBuyer() {
        new TestHttp(port).postJson("/api/buyer-companies", """
                {"corpNum":"%s","corpName":"(주)빌플로우미디어","ceoName":"정운영","addr":"서울특별시 중구 세종대로 110",
                 "bizType":"서비스","bizClass":"온라인광고플랫폼","contactName":"박정산","contactEmail":"billing@billflow-media.kr"}"""
                .formatted(buyerCorpNum), "admin", "admin"); // 201, or 409 when it exists
    }

    /**
     * A report of 1–3 lines (businesses, with VAT) or one fee line (individuals); at most 3 × 3,000,000 + VAT, below
     * the four-eyes threshold.
     */
    private static List<ReportLineInput> lines(Payee payee, YearMonth month, Random random) {
        List<ReportLineInput> lines = new ArrayList<>();
        int count = payee.individual() ? 1 : 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            long supply = 10_000 + random.nextInt(2_990_001);
            long vat = payee.individual() ? 0 : supply / 10;
            lines.add(new ReportLineInput("채널" + (char) ('A' + i), month + " 정산", supply, vat, supply + vat, false, null));
        }
        return lines;
    }

    /**
     * What the two REST calls do behind HTTP and sign-in: import the month (as JSON; the answer shows the report with
     * its group and deadline) and request its review.
     */
    private long importAndRequestReview(Payee payee, YearMonth month, Random random) {
        long reportId = reportService.importLines(payee.groupId(), month, lines(payee, month, random), "JSON", "manager")
                .report().id();
        reportService.deadline(groupService.get(payee.groupId()), month);
        flowService.submitForReview(reportId, "manager");
        return reportId;
    }

    /**
     * Last month's reports at the point where their payout is due: imported through the service, reviewed and
     * published, businesses confirmed with a transmitted (304) reverse invoice, each process started before
     * {@code Task_SchedulePayout}. Executor off, so nothing runs before the timed phase.
     */
    private List<Long> dueForPayout(List<Payee> payees, YearMonth month, int threads) {
        List<Long> reportIds = parallelMap(payees, threads, payee -> reportService.importLines(payee.groupId(), month,
                lines(payee, month, new Random(-payee.groupId())), "JSON", "manager").report().id());
        java.sql.Date first = java.sql.Date.valueOf(month.atDay(1));
        Timestamp published = Timestamp.from(clock.instant().minus(Duration.ofDays(12)));
        java.sql.Date deadline = java.sql.Date.valueOf(month.plusMonths(1).atDay(10));
        jdbc.update("update settlement_report set status = 'PUBLISHED', reviewed_by = 'manager', reviewed_at = ?, "
                + "published_at = ?, deadline = ? where settlement_month = ? and id = any(?::bigint[])", published, published,
                deadline, first, array(reportIds));
        transmittedReverseInvoices(reportIds, month);
        List<Object[]> starts = new ArrayList<>();
        for (int i = 0; i < reportIds.size(); i++) {
            starts.add(new Object[] {reportIds.get(i), payees.get(i).individual()});
        }
        Map<Long, Long> invoices = new HashMap<>();
        jdbc.query("select id, invoice_id from settlement_report where invoice_id is not null and id = any(?::bigint[])",
                rs -> {
                    invoices.put(rs.getLong(1), rs.getLong(2));
                }, array(reportIds));
        java.util.Date deadlineAt = java.util.Date.from(month.plusMonths(1).atDay(11).atStartOfDay(SEOUL).toInstant());
        parallel(starts, threads, start -> startBeforeSchedulePayout((Long) start[0], (Boolean) start[1],
                invoices.get((Long) start[0]), deadlineAt));
        return reportIds;
    }

    /**
     * Each business report's reverse invoice as the night left it: transmitted to NTS (304), with the report's
     * amounts, the partner as supplier and the settlement buyer as buyer; the report confirmed and linked to it.
     */
    private void transmittedReverseInvoices(List<Long> reportIds, YearMonth month) {
        jdbc.update("""
                insert into tax_invoice (version, buyer_company_id, partner_id, invoicee_mgt_key, write_date, tax_type,
                    purpose_type, charge_direction, supply_cost_total, tax_total, total_amount, remark1, nts_confirm_num,
                    state_code, state_at, issued_at, issuance_deadline, invoicer_corp_num, invoicer_corp_name,
                    invoicer_ceo_name, invoicer_addr, invoicer_biz_type, invoicer_biz_class, invoicer_contact_name,
                    invoicer_email, invoicee_corp_num, invoicee_corp_name, invoicee_ceo_name, invoicee_addr,
                    invoicee_biz_type, invoicee_biz_class, invoicee_contact_name, invoicee_email, registered_at,
                    registered_by, updated_at)
                select 0, b.id, p.id, 'STL-' || r.id, ?, 'TAXABLE', 'CHARGE', 'SUPPLIER_PAYS', r.supply_total, r.vat_total,
                    r.total_amount, ?, to_char(?::date, 'YYYYMMDD') || '4100000' || lpad(r.id::text, 9, '0'),
                    304, now(), now(), ?, p.corp_num, p.corp_name, p.ceo_name, p.addr, p.biz_type, p.biz_class,
                    p.contact_name, p.contact_email, b.corp_num, b.corp_name, b.ceo_name, b.addr, b.biz_type, b.biz_class,
                    b.contact_name, b.contact_email, now(), 'settlement', now()
                from settlement_report r join partner p on p.id = r.partner_id join buyer_company b on b.corp_num = ?
                where r.vat_rule <> 'NONE' and r.id = any(?::bigint[])""",
                java.sql.Date.valueOf(month.plusMonths(1).atDay(5)), month.getYear() + "년 " + month.getMonthValue()
                        + "월 정산", java.sql.Date.valueOf(month.plusMonths(1).atDay(5)),
                java.sql.Date.valueOf(month.plusMonths(1).atDay(10)), buyerCorpNum, array(reportIds));
        jdbc.update("update settlement_report r set status = 'SIGNATURE_REQUESTED', invoice_id = t.id, write_date = "
                + "t.write_date, confirmed_at = now(), confirmed_by = 'partner' from tax_invoice t "
                + "where t.invoicee_mgt_key = 'STL-' || r.id and t.partner_id = r.partner_id and r.id = any(?::bigint[])",
                array(reportIds));
    }

    /** The process as the real path leaves it when the invoice was transmitted (businesses) or at publication. */
    private void startBeforeSchedulePayout(long reportId, boolean individual, Long invoiceId, java.util.Date deadlineAt) {
        var start = runtimeService.createProcessInstanceByKey(PROCESS_ID).businessKey(String.valueOf(reportId))
                .setVariable(VAR_REPORT_ID, reportId)
                .setVariable(VAR_REMINDER_INTERVAL, "P2D")
                .setVariable(VAR_REMINDER_CYCLE, "R/P2D")
                .setVariable(VAR_REVIEW_DECISION, "approve")
                .setVariable("reviewer", "manager")
                .setVariable(VAR_INDIVIDUAL, individual)
                .setVariable(VAR_DEADLINE_AT, deadlineAt);
        if (!individual) {
            assertThat(invoiceId).as("report %d has its transmitted invoice", reportId).isNotNull();
            start.setVariable(VAR_INVOICE_ID, invoiceId);
        }
        start.startBeforeActivity(TASK_SCHEDULE_PAYOUT).execute();
    }

    // ---- the timed phases ----

    /** The payout day, 09:00 KST: Camunda's clock and the application's move to the latest payout timer. */
    private void payoutDayArrives() {
        Timestamp latest = jdbc.queryForObject("select max(duedate_) from act_ru_job "
                + "where handler_type_ = 'timer-intermediate-transition' and process_def_key_ = ?", Timestamp.class,
                PROCESS_ID);
        assertThat(latest).as("the payout timers are armed").isNotNull();
        long ahead = Math.max(0, latest.getTime() - ClockUtil.getCurrentTime().getTime() + 1_000);
        ClockUtil.offset(ahead);
        clock.advance(Duration.ofMillis(ahead));
    }

    /**
     * The tests switch the production executor off ({@code camunda.bpm.job-execution.enabled: false}), which leaves the
     * engine its built-in one: 3–10 threads, a queue of 3, 3 jobs per acquisition. Before its first start it gets the
     * settings the production executor has ({@code camunda.bpm.job-execution.*}, application.yml or -D overrides).
     */
    private JobExecutor executorAsInProduction() {
        JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        assertThat(executor.isActive()).as("configured before its first start").isFalse();
        if (executor instanceof DefaultJobExecutor pool) {
            pool.setCorePoolSize(executorCorePoolSize);
            pool.setMaxPoolSize(executorMaxPoolSize);
            pool.setQueueSize(executorQueueCapacity);
        }
        executor.setMaxJobsPerAcquisition(maxJobsPerAcquisition);
        executor.setWaitTimeInMillis(acquisitionWaitMillis);
        executor.setMaxWait(acquisitionMaxWaitMillis);
        executor.setBackoffTimeInMillis(acquisitionBackoffMillis);
        executor.setMaxBackoff(acquisitionMaxBackoffMillis);
        return executor;
    }

    private Measured measure(JobExecutor executor, Runnable phase) throws InterruptedException {
        NightlyBatchBenchmark.HeapSampler heap = new NightlyBatchBenchmark.HeapSampler();
        String loadBefore = load();
        executor.start();
        long started = System.nanoTime();
        try {
            phase.run();
        } finally {
            executor.shutdown();
        }
        double seconds = seconds(started);
        return new Measured(seconds, heap.stop(), loadBefore + " → " + load());
    }

    /** N jobs that do nothing, through the same executor: what the engine alone costs per job on this machine. */
    private Measured noopFloor(JobExecutor executor, int n) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            runtimeService.startProcessInstanceByKey("benchmarkNoopJobProcess");
        }
        return measure(executor, () -> awaitCount("no-op jobs done", 0, () ->
                runtimeService.createProcessInstanceQuery().processDefinitionKey("benchmarkNoopJobProcess").count()));
    }

    record Measured(double seconds, long peakHeap, String load) {
        double perItemMs(int n) {
            return seconds * 1000 / n;
        }
    }

    // ---- checks and figures ----

    /** Every report PAID exactly once, one bank transfer per key, and every won accounted for. */
    private void verifyPaidOnce(List<Long> reportIds, YearMonth month) {
        String ids = array(reportIds);
        assertThat(count("select count(*) from settlement_report where status = 'PAID' and id = any(?::bigint[])", ids))
                .isEqualTo(reportIds.size());
        assertThat(count("select count(*) from (select report_id from settlement_report_history where to_status = 'PAID' "
                + "and report_id = any(?::bigint[]) group by report_id having count(*) = 1) once", ids)).isEqualTo(reportIds.size());
        Map<String, Long> transfersByKey = bank.transfers().stream().collect(Collectors.groupingBy(
                BankSimulator.LedgerEntry::idempotencyKey, Collectors.counting()));
        Map<String, Long> amountsByKey = bank.transfers().stream().collect(Collectors.toMap(
                BankSimulator.LedgerEntry::idempotencyKey, BankSimulator.LedgerEntry::amount, Long::sum));
        List<Map<String, Object>> paid = jdbc.queryForList("select idempotency_key, payout_amount from settlement_payout "
                + "where status = 'PAID' and report_id = any(?::bigint[])", ids);
        assertThat(paid).hasSize(reportIds.size());
        for (Map<String, Object> payout : paid) {
            String key = (String) payout.get("idempotency_key");
            assertThat(transfersByKey.get(key)).as("transfers under %s", key).isEqualTo(1L);
            assertThat(amountsByKey.get(key)).as("amount moved under %s", key)
                    .isEqualTo(((Number) payout.get("payout_amount")).longValue());
        }
        Map<String, Object> sums = jdbc.queryForMap("select sum(r.total_amount) as reports, "
                + "sum(p.payout_amount + p.income_tax + p.local_income_tax) as paid from settlement_report r "
                + "join settlement_payout p on p.report_id = r.id where r.settlement_month = ? and r.id = any(?::bigint[])",
                java.sql.Date.valueOf(month.atDay(1)), ids);
        assertThat(((Number) sums.get("paid")).longValue()).as("payouts + withholding = report totals")
                .isEqualTo(((Number) sums.get("reports")).longValue());
    }

    /** Where the payout phase's execution time went, per asynchronous BPMN activity (Camunda's history; the timer's
     *  duration would be the wait for the payout day). */
    private String payoutSteps() {
        return jdbc.queryForList("select act_id_, count(*) as n, coalesce(sum(duration_), 0) as ms from act_hi_actinst "
                + "where proc_def_key_ = ? and act_id_ in (?, ?, ?) group by act_id_ order by min(start_time_)",
                PROCESS_ID, TASK_SCHEDULE_PAYOUT, TASK_VERIFY_HOLDER, TASK_TRANSFER).stream()
                .map(r -> r.get("act_id_") + " " + r.get("n") + "x/" + r.get("ms") + "ms")
                .collect(Collectors.joining(", "));
    }

    private String executorThreads() {
        return executorCorePoolSize + "/" + executorMaxPoolSize + " threads, queue " + executorQueueCapacity + ", "
                + maxJobsPerAcquisition + " jobs per acquisition";
    }

    // ---- helpers ----

    private void awaitCount(String what, long expected, java.util.function.LongSupplier count) {
        Awaitility.await(what).atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> count.getAsLong() == expected);
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    /** A PostgreSQL array literal, for {@code id = any(?::bigint[])}. */
    private static String array(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    private static <T> void parallel(List<T> items, int threads, Consumer<T> work) {
        parallelMap(items, threads, item -> {
            work.accept(item);
            return null;
        });
    }

    /** {@code work} over {@code items} on {@code threads} threads; the results in the items' order. */
    private static <T, R> List<R> parallelMap(List<T> items, int threads, java.util.function.Function<T, R> work) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<R>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(pool.submit(() -> work.apply(item)));
            }
            List<R> results = new ArrayList<>(items.size());
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + "/" + parts[1];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
