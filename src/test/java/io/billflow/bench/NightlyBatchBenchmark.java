package io.billflow.bench;

import static io.billflow.workflow.BpmnIds.ReverseInvoice;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.billflow.BillflowSpringTest;
import io.billflow.TestData;
import io.billflow.TestHttp;
import io.billflow.certificate.api.NtsXmlSignature;
import io.billflow.certificate.testpki.TestPki;
import io.billflow.invoice.InvoiceFixtures;
import io.billflow.invoice.issuance.IssuanceService;
import io.billflow.invoice.xml.TaxInvoiceXmlWriter;
import io.billflow.workflow.BpmnIds;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * One night of NTS transmission at scale: N issued invoices (default 10,000; {@code -Dbillflow.bench.invoices=100000}),
 * each with its {@code reverseInvoiceProcess} waiting in the cancel window, transmitted by
 * {@code ntsTransmissionProcess} with the engine's job executor running, against the NTS simulator over
 * HTTP. Then the engine's floor on this machine: N no-op asynchronous jobs through the same executor.
 * Run with {@code ./mvnw verify -Pbenchmark -Dtest=NightlyBatchBenchmark [-Dbillflow.bench.invoices=100000]}.
 * <p>
 * Set-up (not timed): one invoice is requested and approved the real way; the others are copies of it
 * made in SQL, each signed again with the supplier's key under its own approval number, and each gets its
 * own process instance started at the cancel window — the state the night finds after a day of approvals.
 */
@Tag("benchmark")
@BillflowSpringTest
class NightlyBatchBenchmark {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IssuanceService issuance;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    HistoryService historyService;

    @Test
    void oneNightAgainstTheEngineFloor() throws Exception {
        int n = Integer.getInteger("billflow.bench.invoices", 10_000);
        String run = "N" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();

        long setupStart = System.nanoTime();
        List<Long> ids = issuedInvoices(n, run);
        // as autovacuum would have done after a day of approvals: fresh planner statistics
        jdbc.execute("analyze");
        double setupSeconds = seconds(setupStart);

        JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        HeapSampler heap = new HeapSampler();
        executor.start();
        long nightStart = System.nanoTime();
        long nightCpuStart = processCpuNanos();
        String night = runtimeService.startProcessInstanceByKey(BpmnIds.NtsTransmission.PROCESS_ID).getId();
        Awaitility.await().atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                historyService.createHistoricProcessInstanceQuery().processInstanceId(night).finished().count() == 1);
        double nightSeconds = seconds(nightStart);
        double nightCpuSeconds = (processCpuNanos() - nightCpuStart) / 1e9;
        long nightPeakHeap = heap.stop();
        double nightLoad = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String steps = nightSteps(night);
        Integer transmitted = jdbc.queryForObject("select count(*) from tax_invoice where invoicee_mgt_key like ? "
                + "and state_code = 304", Integer.class, run + "%");
        assertThat(transmitted).isEqualTo(n);
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).until(() ->
                runtimeService.createProcessInstanceQuery().processDefinitionKey(ReverseInvoice.PROCESS_ID)
                        .processInstanceBusinessKey(String.valueOf(ids.get(ids.size() - 1))).count() == 0);
        executor.shutdown();

        // the floor: N jobs that do nothing, through the same executor
        List<String> noops = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            noops.add(runtimeService.startProcessInstanceByKey("benchmarkNoopJobProcess").getId());
        }
        HeapSampler floorHeap = new HeapSampler();
        executor.start();
        long floorStart = System.nanoTime();
        Awaitility.await().atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                runtimeService.createProcessInstanceQuery().processDefinitionKey("benchmarkNoopJobProcess").count() == 0);
        double floorSeconds = seconds(floorStart);
        long floorPeakHeap = floorHeap.stop();
        executor.shutdown();

        double perInvoiceMs = nightSeconds * 1000 / n;
        double perNoopMs = floorSeconds * 1000 / n;
        String report = String.format("""
                Nightly NTS batch, %,d issued invoices (set-up %.0f s, not timed):
                  night: %.1f s = %.0f invoices/s (%.2f ms each), peak heap %d MiB
                  night CPU of this JVM (application + in-process NTS simulator and mail server; PostgreSQL not counted):
                    %.0f s = %.2f ms per invoice; load average at the end %.2f on %d cores
                  floor: %,d no-op jobs in %.1f s = %.0f jobs/s (%.2f ms each), peak heap %d MiB
                  ratio per item: %.2f x the engine floor
                  steps of the night (activity: count, total ms): %s
                """, n, setupSeconds, nightSeconds, n / nightSeconds, perInvoiceMs, nightPeakHeap >> 20,
                nightCpuSeconds, nightCpuSeconds * 1000 / n, nightLoad, Runtime.getRuntime().availableProcessors(),
                n, floorSeconds, n / floorSeconds, perNoopMs, floorPeakHeap >> 20, perInvoiceMs / perNoopMs, steps);
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "nightly-batch-" + n + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** Where the night's time went, per BPMN activity (from Camunda's history). */
    private String nightSteps(String night) {
        Map<String, long[]> byActivity = new java.util.TreeMap<>();
        historyService.createHistoricActivityInstanceQuery().processInstanceId(night).list().forEach(a ->
                byActivity.merge(a.getActivityId(), new long[] {1, a.getDurationInMillis() == null ? 0 : a.getDurationInMillis()},
                        (x, y) -> new long[] {x[0] + y[0], x[1] + y[1]}));
        return byActivity.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()[0] + "x/" + e.getValue()[1] + "ms")
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** One real issued invoice, then {@code n - 1} copies in SQL, each signed and with its own process. */
    private List<Long> issuedInvoices(int n, String run) throws Exception {
        TestHttp http = new TestHttp(port);
        InvoiceFixtures fixtures = new InvoiceFixtures(http);
        String corpNum = TestData.newBusinessNumber();
        TestPki.EndEntity certificate = TestPki.endEntity().businessNumber(corpNum).build();
        long partnerId = InvoiceFixtures.id(http.postJson("/api/partners", TestData.partnerJson(corpNum, "(주)야간전송"),
                "operator", "operator"));
        http.postJson("/api/partners/" + partnerId + "/nts-link", "", "operator", "operator");
        assertThat(http.multipart("/api/partners/" + partnerId + "/certificates",
                Map.of("pfx", new TestHttp.FilePart("cert.pfx",
                        certificate.pkcs12(TestPki.Pkcs12Encryption.PBES2_SEED, TestPki.password()))),
                Map.of("password", new String(TestPki.password())), "operator", "operator").statusCode()).isEqualTo(201);
        long template = InvoiceFixtures.id(http.postJson("/api/invoices/register-and-request",
                InvoiceFixtures.invoiceJson(fixtures.buyerCompany(), partnerId, run + "-0"), "operator", "operator"));
        issuance.approve(template, partnerId, false, TestPki.password(), "supplier");

        List<String> columns = jdbc.queryForList("select column_name from information_schema.columns "
                + "where table_name = 'tax_invoice' and column_name <> 'id' order by ordinal_position", String.class);
        String select = String.join(", ", columns.stream().map(c -> switch (c) {
            case "invoicee_mgt_key" -> "? || '-' || g";
            case "nts_confirm_num" -> "substr(t.nts_confirm_num, 1, 16) || lpad(nextval('nts_confirm_serial')::text, 8, '0')";
            default -> "t." + c;
        }).toList());
        String detailColumns = String.join(", ", jdbc.queryForList("select column_name from information_schema.columns "
                + "where table_name = 'tax_invoice_detail' and column_name <> 'invoice_id' order by ordinal_position",
                String.class));
        List<Long> ids = new ArrayList<>(n);
        ids.add(template);
        for (int from = 1; from < n; from += 5_000) {
            int to = Math.min(n - 1, from + 4_999);
            ids.addAll(jdbc.queryForList("with clones as (insert into tax_invoice (" + String.join(", ", columns) + ") "
                    + "select " + select + " from tax_invoice t, generate_series(?, ?) g where t.id = ? returning id), "
                    + "details as (insert into tax_invoice_detail (invoice_id, " + detailColumns + ") select c.id, "
                    + detailColumns.replaceAll("(\\w+)", "d.$1") + " from clones c cross join tax_invoice_detail d "
                    + "where d.invoice_id = ?) select id from clones order by id", Long.class,
                    run, from, to, template, template));
        }

        byte[] signed = issuance.signedDocument(template);
        Map<String, Object> document = jdbc.queryForMap("select certificate_serial, signed_by from tax_invoice_document "
                + "where invoice_id = ?", template);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> work = new ArrayList<>();
        AtomicLong done = new AtomicLong();
        for (List<Long> slice : slices(ids.subList(1, ids.size()), 500)) {
            work.add(pool.submit(() -> {
                List<Object[]> rows = new ArrayList<>(slice.size());
                for (long id : slice) {
                    String approval = jdbc.queryForObject("select nts_confirm_num from tax_invoice where id = ?",
                            String.class, id).strip();
                    rows.add(new Object[] {id, resign(signed, approval, certificate), document.get("certificate_serial"),
                            document.get("signed_by")});
                }
                jdbc.batchUpdate("insert into tax_invoice_document (invoice_id, signed_xml, document_sha256, "
                        + "certificate_serial, signed_at, signed_by) values (?, ?, repeat('0', 64), ?, now(), ?)", rows);
                for (long id : slice) {
                    runtimeService.createProcessInstanceByKey(ReverseInvoice.PROCESS_ID).businessKey(String.valueOf(id))
                            .setVariable(ReverseInvoice.VAR_INVOICE_ID, id)
                            .setVariable(ReverseInvoice.VAR_REMINDER_INTERVAL, "P2D")
                            .startBeforeActivity(ReverseInvoice.GATEWAY_CANCEL_WINDOW).execute();
                }
                done.addAndGet(slice.size());
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        assertThat(done.get()).isEqualTo(n - 1L);
        return ids;
    }

    /** The template's document under another approval number, signed again by the supplier. */
    private static byte[] resign(byte[] signed, String approvalNumber, TestPki.EndEntity signer) {
        Document document = NtsXmlSignature.parse(signed);
        NodeList signatures = document.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature");
        signatures.item(0).getParentNode().removeChild(signatures.item(0));
        document.getElementsByTagName("IssueID").item(0).setTextContent(approvalNumber);
        Element next = TaxInvoiceXmlWriter.signatureNextSibling(document);
        NtsXmlSignature.sign(document, next, signer.keyPair().getPrivate(), signer.certificate());
        return TaxInvoiceXmlWriter.serialize(document);
    }

    private static <T> List<List<T>> slices(List<T> list, int size) {
        List<List<T>> slices = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            slices.add(list.subList(i, Math.min(list.size(), i + size)));
        }
        return slices;
    }

    /** CPU time of this JVM, all threads (the machine is shared: wall time alone says little). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Samples the used heap every 100 ms; {@link #stop} returns the highest value seen. */
    static final class HeapSampler {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicLong peak = new AtomicLong();
        private final Thread thread;

        HeapSampler() {
            thread = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        long stop() throws InterruptedException {
            thread.interrupt();
            thread.join();
            return peak.get();
        }
    }
}
