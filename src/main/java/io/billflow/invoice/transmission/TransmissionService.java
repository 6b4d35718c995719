package io.billflow.invoice.transmission;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.billflow.invoice.api.InvoiceState;
import io.billflow.invoice.application.InvoiceHistory;
import io.billflow.invoice.application.InvoiceRecipients;
import io.billflow.invoice.application.InvoiceRepository;
import io.billflow.invoice.application.InvoiceService;
import io.billflow.invoice.application.ReverseIssuanceProcess;
import io.billflow.invoice.domain.TaxInvoice;
import io.billflow.notification.api.NotificationEvent;
import io.billflow.notification.api.Notifications;
import io.billflow.nts.api.NtsTransmissionPort;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transmission to NTS in three steps, each safe to repeat: <b>queue</b> issued invoices whose cancel
 * window has closed (300 → 302), <b>hand over</b> queued ones (302 → 303; the {@code nts_transmission}
 * row is claimed in the same transaction before the document leaves, so a repeated step never hands the
 * same invoice over twice), and <b>collect</b> verdicts (303 → 304 / 305, with notices and the
 * invoice's process moved on). Work is chunked and claimed with {@code SKIP LOCKED} so several nodes share it;
 * the night's lanes each take their own share ({@link Lane}).
 */
@Service
public class TransmissionService {

    /** The advisory lock the night's collecting lanes share and the result poller needs free ("nts-coll"). */
    private static final long NIGHT_COLLECTS = 0x6e74_732d_636f_6c6cL;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final InvoiceService invoices;
    private final InvoiceRepository repository;
    private final InvoiceHistory history;
    private final NtsTransmissionPort nts;
    private final ReverseIssuanceProcess process;
    private final Notifications notifications;
    private final BulkStateChange states;
    private final TransmittedNotices transmittedNotices;
    private final Clock clock;
    private final String baseUrl;

    public TransmissionService(JdbcTemplate jdbc, TransactionTemplate transaction, InvoiceService invoices,
                               InvoiceRepository repository, InvoiceHistory history,
                               NtsTransmissionPort nts, ReverseIssuanceProcess process, Notifications notifications,
                               BulkStateChange states, TransmittedNotices transmittedNotices, Clock clock,
                               @Value("${billflow.base-url}") String baseUrl) {
        this.states = states;
        this.transmittedNotices = transmittedNotices;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.invoices = invoices;
        this.repository = repository;
        this.history = history;
        this.nts = nts;
        this.process = process;
        this.notifications = notifications;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** Queues up to {@code limit} invoices issued before {@code cutoff}; returns how many. */
    public int queueIssuedBefore(Instant cutoff, int limit) {
        return transaction.execute(status -> {
            List<Long> ids = jdbc.queryForList("select id from tax_invoice where state_code in (300, 301) "
                    + "and issued_at < ? and deleted_at is null order by id limit ? for update skip locked", Long.class,
                    Timestamp.from(cutoff), limit);
            return queue(ids).size();
        });
    }

    /**
     * Claims up to {@code limit} queued invoices (302 → 303) and hands them over in one call to NTS.
     * Returns how many were claimed, not how many NTS took: those it did not take stay claimed for
     * {@link #retryUnsubmitted}, and the batch keeps claiming while whole chunks come back.
     */
    public int submitQueued(int limit) {
        return submitQueued(Lane.ALL, limit);
    }

    /** As {@link #submitQueued(int)}, for the invoices of one lane of the night. */
    public int submitQueued(Lane lane, int limit) {
        List<Long> claimed = transaction.execute(status -> claim(jdbc.queryForList("select id from tax_invoice "
                + "where state_code = 302 and id % ? = ? order by id limit ? for update skip locked", Long.class,
                lane.count(), lane.index(), limit)));
        handOver(claimed);
        return claimed.size();
    }

    /**
     * Applies the verdicts that have arrived for up to {@code limit} handed-over invoices. Returns how many
     * verdicts NTS returned, whether this call or a concurrent one (the result poller, another node)
     * applied them: a full chunk means more may be waiting.
     */
    public int collectResults(int limit) {
        return collectResults(Lane.ALL, limit);
    }

    /**
     * As {@link #collectResults(int)}, for the invoices of one lane of the night. While any lane collects,
     * the result poller stays out (a transaction-scoped advisory lock: lanes share it, the poller takes it
     * only when it is free): rows the poller held would make a lane's last chunk come back short with
     * verdicts still pending, and the lane would wait {@code billflow.nts.verdict-wait} for nothing. A lane
     * that finds the poller inside waits for it to commit, then sees what it left.
     */
    public int collectLaneResults(Lane lane, int limit) {
        return transaction.execute(status -> {
            jdbc.query("select pg_advisory_xact_lock_shared(?)", rs -> { }, NIGHT_COLLECTS);
            return collectResults(lane, limit);
        });
    }

    /**
     * The result poller's round ({@link #collectResults(int)}), skipped while a lane of the night collects:
     * the lanes between them take every verdict.
     */
    public int collectResultsBesideTheNight(int limit) {
        return transaction.execute(status -> Boolean.TRUE.equals(jdbc.queryForObject(
                "select pg_try_advisory_xact_lock(?)", Boolean.class, NIGHT_COLLECTS)) ? collectResults(Lane.ALL, limit) : 0);
    }

    private int collectResults(Lane lane, int limit) {
        return transaction.execute(status -> {
            // rows another node (or the result poller) is collecting are skipped, not waited for
            Map<String, Long> byNumber = new java.util.HashMap<>();
            jdbc.query("select invoice_id, approval_number from nts_transmission where submitted_at is not null "
                    + "and result_code is null and invoice_id % ? = ? order by submitted_at limit ? for update skip locked",
                    rs -> {
                        byNumber.put(rs.getString(2).strip(), rs.getLong(1));
                    }, lane.count(), lane.index(), limit);
            List<NtsTransmissionPort.NtsResult> results = byNumber.isEmpty() ? List.of() : nts.results(byNumber.keySet());
            if (!results.isEmpty()) {
                apply(results, byNumber);
            }
            return results.size();
        });
    }

    /** {@code send-to-nts}: transmit this issued invoice now instead of waiting for the night. */
    public TaxInvoice sendNow(long invoiceId) {
        transaction.executeWithoutResult(status -> queue(List.of(invoiceId)));
        List<Long> claimed = transaction.execute(status -> claim(jdbc.queryForList("select id from tax_invoice "
                + "where id = ? and state_code = 302 for update skip locked", Long.class, invoiceId)));
        handOver(claimed);
        return invoices.get(invoiceId);
    }

    /**
     * Operations fixed what NTS refused: 305 → 302, the transmission row cleared, and sent again now.
     * Idempotent: an invoice no longer in 305 is left alone.
     */
    public TaxInvoice retransmit(long invoiceId, String actor) {
        boolean requeued = Boolean.TRUE.equals(transaction.execute(status -> {
            TaxInvoice invoice = invoices.get(invoiceId);
            if (invoice.state() != InvoiceState.TRANSMISSION_FAILED) {
                return false;
            }
            InvoiceState from = invoice.retransmit(clock.instant());
            repository.save(invoice);
            jdbc.update("delete from nts_transmission where invoice_id = ?", invoiceId);
            history.record(invoiceId, clock.instant(), actor, from, InvoiceState.QUEUED, "retransmission after a fix");
            return true;
        }));
        return requeued ? sendNow(invoiceId) : invoices.get(invoiceId);
    }

    /** How many of one lane's issued invoices wait for their verdict (the lane loops until none). */
    public int pending(Lane lane) {
        Integer count = jdbc.queryForObject("select count(*) from tax_invoice where state_code in (302, 303) "
                + "and id % ? = ?", Integer.class, lane.count(), lane.index());
        return count == null ? 0 : count;
    }

    /** 300/301 → 302: the cancel window closes. */
    private List<Long> queue(List<Long> ids) {
        return states.move(ids, InvoiceState.QUEUED, clock.instant(), "nts-batch", "queued for NTS",
                InvoiceState.ISSUED, InvoiceState.BEFORE_TRANSMISSION);
    }

    /**
     * 302 → 303 and the transmission rows, together; an invoice another node claimed first (its row
     * exists already) is left alone. Returns the ids this call claimed.
     */
    private List<Long> claim(List<Long> queued) {
        if (queued.isEmpty()) {
            return List.of();
        }
        List<Long> rows = jdbc.query(con -> {
            var statement = con.prepareStatement("insert into nts_transmission (invoice_id, approval_number, claimed_at) "
                    + "select id, nts_confirm_num, ? from tax_invoice where id = any(?) and state_code = 302 "
                    + "on conflict do nothing returning invoice_id");
            statement.setTimestamp(1, Timestamp.from(clock.instant()));
            statement.setArray(2, con.createArrayOf("bigint", queued.toArray()));
            return statement;
        }, (rs, i) -> rs.getLong(1));
        return states.move(rows, InvoiceState.TRANSMITTING, clock.instant(), "nts-batch", "handed over to NTS",
                InvoiceState.QUEUED);
    }

    /**
     * Sends the signed documents of claimed invoices in one call. What NTS did not take (a transient
     * refusal, or the whole call failed) stays claimed and unsubmitted for {@link #retryUnsubmitted}.
     */
    private int handOver(List<Long> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return 0;
        }
        Map<String, Long> byNumber = new LinkedHashMap<>();
        List<NtsTransmissionPort.NtsDocument> documents = new ArrayList<>(invoiceIds.size());
        jdbc.query(con -> {
            var statement = con.prepareStatement("select t.invoice_id, t.approval_number, d.signed_xml "
                    + "from nts_transmission t join tax_invoice_document d on d.invoice_id = t.invoice_id "
                    + "where t.invoice_id = any(?) order by t.invoice_id");
            statement.setArray(1, con.createArrayOf("bigint", invoiceIds.toArray()));
            return statement;
        }, rs -> {
            String approval = rs.getString(2).strip();
            byNumber.put(approval, rs.getLong(1));
            documents.add(new NtsTransmissionPort.NtsDocument(approval, rs.getBytes(3)));
        });
        Timestamp now = Timestamp.from(clock.instant());
        List<NtsTransmissionPort.Receipt> receipts;
        try {
            receipts = nts.submit(documents);
        } catch (NtsTransmissionPort.NtsUnavailableException e) {
            jdbc.batchUpdate("update nts_transmission set attempts = attempts + 1, last_error = ? where invoice_id = ?",
                    invoiceIds.stream().map(id -> new Object[] {e.getMessage(), id}).toList());
            return 0;
        }
        List<Object[]> taken = new ArrayList<>();
        List<Object[]> refused = new ArrayList<>();
        for (NtsTransmissionPort.Receipt receipt : receipts) {
            Long invoiceId = byNumber.get(receipt.approvalNumber());
            if (invoiceId == null) {
                continue;
            }
            if (receipt.received()) {
                taken.add(new Object[] {now, invoiceId});
            } else {
                refused.add(new Object[] {receipt.detail(), invoiceId});
            }
        }
        jdbc.batchUpdate("update nts_transmission set submitted_at = ?, attempts = attempts + 1, last_error = null "
                + "where invoice_id = ?", taken);
        jdbc.batchUpdate("update nts_transmission set attempts = attempts + 1, last_error = ? where invoice_id = ?", refused);
        return taken.size();
    }

    /** Re-sends documents whose hand-over failed transiently (claimed, not submitted). */
    public int retryUnsubmitted(int limit) {
        return retryUnsubmitted(Lane.ALL, limit);
    }

    /** As {@link #retryUnsubmitted(int)}, for the invoices of one lane of the night. */
    public int retryUnsubmitted(Lane lane, int limit) {
        return handOver(jdbc.queryForList("select invoice_id from nts_transmission where submitted_at is null "
                + "and invoice_id % ? = ? order by claimed_at limit ?", Long.class, lane.count(), lane.index(), limit));
    }

    /**
     * Records the verdicts (each once: only a row without a result takes one), moves the invoices
     * (304 for the chunk at once; 305 one by one, with the error as the state memo), tells both sides and
     * moves each invoice's process on.
     */
    private void apply(List<NtsTransmissionPort.NtsResult> results, Map<String, Long> byNumber) {
        List<Object[]> rows = new ArrayList<>(results.size());
        List<NtsTransmissionPort.NtsResult> known = new ArrayList<>(results.size());
        for (NtsTransmissionPort.NtsResult result : results) {
            Long invoiceId = byNumber.get(result.approvalNumber());
            if (invoiceId != null) {
                known.add(result);
                rows.add(new Object[] {result.code(), result.message(), Timestamp.from(result.at()), invoiceId});
            }
        }
        int[] updated = jdbc.batchUpdate("update nts_transmission set result_code = ?, result_message = ?, result_at = ? "
                + "where invoice_id = ? and result_code is null", rows);
        Instant now = clock.instant();
        List<Long> accepted = new ArrayList<>();
        for (int i = 0; i < known.size(); i++) {
            NtsTransmissionPort.NtsResult result = known.get(i);
            long invoiceId = byNumber.get(result.approvalNumber());
            if (updated[i] == 0) {
                continue; // applied before, by the poller or another node
            }
            if (result.success()) {
                accepted.add(invoiceId);
            } else {
                refused(invoiceId, result, now);
            }
        }
        transmitted(accepted, now);
    }

    /**
     * 303 → 304 for a chunk at once: one statement, the notices read in one query and queued in one batch,
     * the waiting processes found in one query. Per invoice, only what cannot be shared is left: its two
     * rendered notices and the engine ending its process.
     */
    private void transmitted(List<Long> accepted, Instant now) {
        List<Long> moved = states.move(accepted, InvoiceState.TRANSMITTED, now, "nts", "SUC001", InvoiceState.TRANSMITTING);
        notifications.publishAll(transmittedNotices.of(moved, now));
        process.transmitted(moved);
    }

    private void refused(long invoiceId, NtsTransmissionPort.NtsResult result, Instant now) {
        TaxInvoice invoice = invoices.get(invoiceId);
        InvoiceState from = invoice.transmissionFailed(result.code() + " " + result.message(), now);
        repository.save(invoice);
        history.record(invoiceId, now, "nts", from, InvoiceState.TRANSMISSION_FAILED, result.code() + " " + result.message());
        Map<String, Object> variables = common(invoice);
        variables.put("errorCode", result.code());
        variables.put("errorMessage", result.message());
        variables.put("failedAt", now);
        variables.put("link", baseUrl + "/camunda/app/tasklist/default/");
        notifications.publish(NotificationEvent.INVOICE_TRANSMISSION_FAILED, "invoice-transmission-failed:" + invoiceId,
                List.of(InvoiceRecipients.buyer(invoice)), variables);
        process.transmissionFailed(invoiceId);
    }

    private static Map<String, Object> common(TaxInvoice invoice) {
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("supplierName", invoice.invoicer().corpName());
        variables.put("buyerName", invoice.invoicee().corpName());
        variables.put("invoiceeMgtKey", invoice.invoiceeMgtKey());
        variables.put("writeDate", invoice.writeDate());
        variables.put("approvalNumber", invoice.ntsConfirmNum());
        return variables;
    }
}
