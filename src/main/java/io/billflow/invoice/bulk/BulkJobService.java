package io.billflow.invoice.bulk;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billflow.invoice.application.InvoiceService;
import io.billflow.partner.api.PartnerDirectory;
import io.billflow.platform.web.ConflictException;
import io.billflow.platform.web.FieldViolation;
import io.billflow.platform.web.InvalidInputException;
import io.billflow.platform.web.ResourceNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.annotation.PreDestroy;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs bulk registrations in the background: the upload is stored with the job, read, grouped into
 * invoices, validated by exactly the rules of the single-invoice API, and written according to the
 * mode. Progress is saved as it goes so clients can poll it.
 */
@Service
class BulkJobService implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BulkJobService.class);
    private static final int PROGRESS_EVERY = 100;
    private static final int ERRORS_SHOWN = 1_000;

    private final JdbcTemplate jdbc;
    private final InvoiceService invoices;
    private final PartnerDirectory directory;
    private final TransactionTemplate transaction;
    private final ThreadPoolTaskExecutor executor;
    private final ObjectMapper json;
    private final Clock clock;

    public BulkJobService(JdbcTemplate jdbc, InvoiceService invoices, PartnerDirectory directory,
                          TransactionTemplate transaction, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.directory = directory;
        this.transaction = transaction;
        this.executor = newExecutor();
        this.json = json;
        this.clock = clock;
    }

    /** Two bulk jobs at a time per node; more wait in a short queue (an upload is refused when it is full). */
    private static ThreadPoolTaskExecutor newExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(20);
        executor.setThreadNamePrefix("bulk-invoice-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        executor.initialize();
        return executor;
    }

    @PreDestroy
    void shutdown() {
        executor.shutdown();
    }

    /** Reads the file now (a broken file is refused at once), then processes it in the background. */
    public BulkJobView submit(String fileName, byte[] content, BulkMode mode, BulkAction action, String actor) {
        List<BulkRow> rows = BulkFileReader.read(fileName, content);
        UUID id = UUID.randomUUID();
        jdbc.update("insert into invoice_bulk_job (id, status, mode, action, file_name, content, total_rows, created_by, "
                        + "created_at) values (?, 'QUEUED', ?, ?, ?, ?, ?, ?, ?)",
                id, mode.name(), action.name(), fileName, content, rows.size(), actor, Timestamp.from(clock.instant()));
        executor.execute(() -> run(id, rows, mode, action, actor));
        return get(id);
    }

    /** Jobs a stopped node left unfinished are marked FAILED, listing what they had written, never lost silently. */
    @Override
    public void run(ApplicationArguments args) {
        int interrupted = jdbc.update("update invoice_bulk_job set status = 'FAILED', finished_at = ?, failure = "
                + "'interrupted by an application restart; invoices listed in createdInvoiceIds were written, upload "
                + "the remaining rows again' where status in ('QUEUED', 'RUNNING')", Timestamp.from(clock.instant()));
        if (interrupted > 0) {
            log.warn("{} bulk invoice job(s) were interrupted by a restart and are marked FAILED", interrupted);
        }
    }

    void run(UUID id, List<BulkRow> rows, BulkMode mode, BulkAction action, String actor) {
        Instant started = clock.instant();
        jdbc.update("update invoice_bulk_job set status = 'RUNNING', started_at = ? where id = ?", Timestamp.from(started), id);
        Result result = new Result();
        try {
            List<BulkInvoice> assembled = new BulkInvoiceAssembler(directory).assemble(rows);
            jdbc.update("update invoice_bulk_job set total_invoices = ? where id = ?", assembled.size(), id);
            if (mode == BulkMode.ALL_OR_NOTHING) {
                allOrNothing(id, assembled, action, actor, result);
            } else {
                acceptValid(id, assembled, action, actor, result);
            }
            finish(id, result, result.errors.isEmpty() || mode == BulkMode.ACCEPT_VALID ? "COMPLETED" : "REJECTED", null);
        } catch (RuntimeException e) {
            log.error("Bulk invoice job {} failed", id, e);
            finish(id, result, "FAILED", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void allOrNothing(UUID id, List<BulkInvoice> assembled, BulkAction action, String actor, Result result) {
        for (BulkInvoice invoice : assembled) {
            List<BulkError> errors = invoice.parsed() ? check(invoice) : invoice.errors();
            result.record(invoice, errors, null);
            progress(id, result);
        }
        if (!result.errors.isEmpty()) {
            result.accepted = 0;
            return;
        }
        Result written = new Result();
        transaction.executeWithoutResult(status -> {
            for (BulkInvoice invoice : assembled) {
                written.record(invoice, List.of(), write(invoice, action, actor));
                if (written.processed % PROGRESS_EVERY == 0) {
                    progress(id, written);
                }
            }
        });
        result.createdIds.addAll(written.createdIds);
    }

    private void acceptValid(UUID id, List<BulkInvoice> assembled, BulkAction action, String actor, Result result) {
        for (BulkInvoice invoice : assembled) {
            if (!invoice.parsed()) {
                result.record(invoice, invoice.errors(), null);
            } else {
                try {
                    result.record(invoice, List.of(), write(invoice, action, actor));
                } catch (InvalidInputException e) {
                    result.record(invoice, BulkInvoiceAssembler.toBulkErrors(invoice, e.violations()), null);
                } catch (ConflictException e) {
                    result.record(invoice, conflict(invoice, e), null);
                }
            }
            if (result.processed % PROGRESS_EVERY == 0) {
                progress(id, result);
            }
        }
    }

    private List<BulkError> check(BulkInvoice invoice) {
        try {
            invoices.validate(invoice.content());
            return List.of();
        } catch (InvalidInputException e) {
            return BulkInvoiceAssembler.toBulkErrors(invoice, e.violations());
        } catch (ConflictException e) {
            return conflict(invoice, e);
        }
    }

    private Long write(BulkInvoice invoice, BulkAction action, String actor) {
        String memo = "bulk upload";
        return (action == BulkAction.REQUEST ? invoices.registerAndRequest(invoice.content(), actor, memo)
                : invoices.createDraft(invoice.content(), actor, memo)).id();
    }

    private static List<BulkError> conflict(BulkInvoice invoice, ConflictException e) {
        return BulkInvoiceAssembler.toBulkErrors(invoice, List.of(FieldViolation.of(
                e.field() == null ? BulkColumns.MGT_KEY : e.field(), e.getMessage())));
    }

    private void progress(UUID id, Result result) {
        jdbc.update("update invoice_bulk_job set processed_invoices = ?, accepted_invoices = ?, rejected_invoices = ? "
                + "where id = ?", result.processed, result.accepted, result.rejected, id);
    }

    private void finish(UUID id, Result result, String status, String failure) {
        jdbc.update("update invoice_bulk_job set status = ?, processed_invoices = ?, accepted_invoices = ?, "
                        + "rejected_invoices = ?, errors = ?, created_invoice_ids = ?, failure = ?, finished_at = ? "
                        + "where id = ?", status, result.processed, result.createdIds.size(), result.rejected,
                toJson(result.errors), result.createdIds.stream().map(String::valueOf).reduce((a, b) -> a + "," + b)
                        .orElse(""), failure, Timestamp.from(clock.instant()), id);
    }

    public BulkJobView get(UUID id) {
        return view(id, ERRORS_SHOWN);
    }

    /** Every error and every created invoice, as CSV (UTF-8 with BOM so spreadsheet programs read Korean). */
    public String report(UUID id) {
        BulkJobView job = view(id, Integer.MAX_VALUE);
        StringBuilder csv = new StringBuilder("\uFEFFrow,column,message\n");
        job.errors().forEach(e -> csv.append(e.row()).append(',').append(quote(e.column())).append(',')
                .append(quote(e.message())).append('\n'));
        csv.append("\ncreatedInvoiceId\n");
        job.createdInvoiceIds().forEach(invoiceId -> csv.append(invoiceId).append('\n'));
        return csv.toString();
    }

    private BulkJobView view(UUID id, int maxErrors) {
        List<BulkJobView> found = jdbc.query("select * from invoice_bulk_job where id = ?", (rs, i) -> {
            List<BulkError> errors = fromJson(rs.getString("errors"));
            String ids = rs.getString("created_invoice_ids");
            Instant started = rs.getTimestamp("started_at") == null ? null : rs.getTimestamp("started_at").toInstant();
            Instant finished = rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant();
            Integer totalRows = (Integer) rs.getObject("total_rows");
            Double rate = started == null || finished == null || totalRows == null ? null
                    : totalRows / Math.max(0.001, Duration.between(started, finished).toNanos() / 1e9);
            return new BulkJobView((UUID) rs.getObject("id"), rs.getString("status"), BulkMode.valueOf(rs.getString("mode")),
                    BulkAction.valueOf(rs.getString("action")), rs.getString("file_name"), totalRows,
                    (Integer) rs.getObject("total_invoices"), rs.getInt("processed_invoices"),
                    rs.getInt("accepted_invoices"), rs.getInt("rejected_invoices"), errors.size(),
                    errors.subList(0, Math.min(maxErrors, errors.size())),
                    ids == null || ids.isEmpty() ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList(),
                    rs.getString("failure"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                    started, finished, rate == null ? null : Math.round(rate * 10) / 10.0);
        }, id);
        if (found.isEmpty()) {
            throw new ResourceNotFoundException("No bulk job " + id);
        }
        return found.get(0);
    }

    private String toJson(List<BulkError> errors) {
        try {
            return json.writeValueAsString(errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<BulkError> fromJson(String value) {
        if (value == null) {
            return List.of();
        }
        try {
            return json.readValue(value, new TypeReference<List<BulkError>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String value) {
        return "\"" + (value == null ? "" : value.replace("\"", "\"\"")) + "\"";
    }

    /** Running totals of a job. */
    private static final class Result {
        int processed;
        int accepted;
        int rejected;
        final List<BulkError> errors = new ArrayList<>();
        final List<Long> createdIds = new ArrayList<>();

        void record(BulkInvoice invoice, List<BulkError> invoiceErrors, Long createdId) {
            processed++;
            if (invoiceErrors.isEmpty()) {
                accepted++;
                if (createdId != null) {
                    createdIds.add(createdId);
                }
            } else {
                rejected++;
                errors.addAll(invoiceErrors);
            }
        }
    }
}
