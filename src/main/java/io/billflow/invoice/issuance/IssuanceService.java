package io.billflow.invoice.issuance;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.billflow.certificate.api.InvoiceSigning;
import io.billflow.invoice.api.ApprovalOutcome;
import io.billflow.invoice.api.InvoiceState;
import io.billflow.invoice.api.InvoiceStateException;
import io.billflow.invoice.application.InvoiceHistory;
import io.billflow.invoice.application.InvoiceRecipients;
import io.billflow.invoice.application.InvoiceRepository;
import io.billflow.invoice.application.InvoiceService;
import io.billflow.invoice.domain.TaxInvoice;
import io.billflow.invoice.pdf.InvoicePdfAttachments;
import io.billflow.invoice.xml.TaxInvoiceXmlWriter;
import io.billflow.notification.api.AttachmentRef;
import io.billflow.notification.api.NotificationEvent;
import io.billflow.notification.api.Notifications;
import io.billflow.platform.web.InvalidInputException;
import io.billflow.platform.web.ResourceNotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Document;

/**
 * The supplier's side of a reverse invoice: approve (sign and issue), refuse, cancel the issue while it
 * has not been transmitted. Each step is one transaction: state, history, signed document and the
 * notices commit together or not at all, and a repeated approval finds the invoice issued and does
 * nothing (sign once).
 */
@Service
public class IssuanceService {

    /** What a supplier may write as a reason or memo: a sentence or two the buyer reads (history memo). */
    static final int MAX_REASON = 500;

    private final InvoiceService invoices;
    private final InvoiceRepository repository;
    private final InvoiceHistory history;
    private final ApprovalNumbers approvalNumbers;
    private final TaxInvoiceXmlWriter xmlWriter;
    private final InvoiceSigning signing;
    private final Notifications notifications;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String baseUrl;
    private final io.billflow.invoice.application.ReverseIssuanceProcess process;
    private final TransactionTemplate transaction;

    public IssuanceService(InvoiceService invoices, InvoiceRepository repository, InvoiceHistory history,
                           ApprovalNumbers approvalNumbers, TaxInvoiceXmlWriter xmlWriter, InvoiceSigning signing,
                           Notifications notifications, JdbcTemplate jdbc, Clock clock,
                           @Value("${billflow.base-url}") String baseUrl,
                           io.billflow.invoice.application.ReverseIssuanceProcess process,
                           TransactionTemplate transaction) {
        this.transaction = transaction;
        this.invoices = invoices;
        this.repository = repository;
        this.history = history;
        this.approvalNumbers = approvalNumbers;
        this.xmlWriter = xmlWriter;
        this.signing = signing;
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.process = process;
    }

    /**
     * The supplier approves: the invoice gets its approval number, is signed with the supplier's registered
     * certificate — opened with the password the supplier typed now — and both sides receive the issued notice
     * with the PDF. Approving an issued invoice again does nothing (sign once).
     *
     * @param lateIssueConfirmed  the supplier saw the 1% late-issue penalty warning (needed after the deadline)
     * @param certificatePassword the joint certificate's password, the supplier's proof that it signs (ADR 0001)
     */
    @Transactional
    public TaxInvoice approve(long invoiceId, long supplierPartnerId, boolean lateIssueConfirmed,
                              char[] certificatePassword, String actor) {
        TaxInvoice invoice = ownInvoice(invoiceId, supplierPartnerId);
        if (alreadyIssued(invoice)) {
            return invoice;
        }
        checkDeadline(invoice, lateIssueConfirmed);
        try (InvoiceSigning.SigningKey key = signing.open(supplierPartnerId, certificatePassword, actor)) {
            return issue(invoice, key, actor);
        }
    }

    /**
     * Approves several requested invoices with one proof: the password opens the key once, then each invoice is
     * issued in its own transaction, so one that cannot be issued (state changed, deadline passed unconfirmed)
     * does not hold back the others. Invoices not the supplier's are refused before anything is signed.
     */
    public List<ApprovalOutcome> approveAll(List<Long> invoiceIds, long supplierPartnerId, boolean lateIssueConfirmed,
                                            char[] certificatePassword, String actor) {
        if (invoiceIds == null || invoiceIds.isEmpty()) {
            throw new InvalidInputException("invoiceIds", "choose at least one invoice to approve");
        }
        if (invoiceIds.size() > MAX_BATCH) {
            throw new InvalidInputException("invoiceIds", "at most " + MAX_BATCH + " invoices are approved at once");
        }
        List<Long> distinct = invoiceIds.stream().distinct().toList();
        distinct.forEach(id -> ownInvoice(id, supplierPartnerId));
        List<ApprovalOutcome> outcomes = new java.util.ArrayList<>();
        try (InvoiceSigning.SigningKey key = signing.open(supplierPartnerId, certificatePassword, actor)) {
            for (long id : distinct) {
                outcomes.add(approveOne(id, supplierPartnerId, lateIssueConfirmed, key, actor));
            }
        }
        return outcomes;
    }

    /** The most invoices one batch approval signs (one request of the portal's list). */
    public static final int MAX_BATCH = 100;

    private ApprovalOutcome approveOne(long id, long supplierPartnerId, boolean lateIssueConfirmed,
                                       InvoiceSigning.SigningKey key, String actor) {
        try {
            TaxInvoice issued = transaction.execute(status -> {
                TaxInvoice invoice = ownInvoice(id, supplierPartnerId);
                if (alreadyIssued(invoice)) {
                    return invoice;
                }
                checkDeadline(invoice, lateIssueConfirmed);
                return issue(invoice, key, actor);
            });
            return new ApprovalOutcome(id, true, issued.ntsConfirmNum(), null);
        } catch (InvalidInputException e) {
            return new ApprovalOutcome(id, false, null, e.violations().get(0).message());
        } catch (InvoiceStateException e) {
            return new ApprovalOutcome(id, false, null, e.getMessage());
        }
    }

    private static boolean alreadyIssued(TaxInvoice invoice) {
        return invoice.state() == InvoiceState.ISSUED && invoice.ntsConfirmNum() != null;
    }

    private void checkDeadline(TaxInvoice invoice, boolean lateIssueConfirmed) {
        if (LocalDate.now(clock).isAfter(invoice.issuanceDeadline()) && !lateIssueConfirmed) {
            throw new InvalidInputException("lateIssueConfirmed", "the issuance deadline " + invoice.issuanceDeadline()
                    + " has passed: issuing now is late (지연발급) and the supplier owes a penalty of 1% of the supply "
                    + "amount; confirm to issue anyway");
        }
    }

    /** Numbers, signs and stores the invoice, tells both sides and moves its process on; in the caller's transaction. */
    private TaxInvoice issue(TaxInvoice invoice, InvoiceSigning.SigningKey key, String actor) {
        long invoiceId = invoice.id();
        InvoiceState from = invoice.issue(approvalNumbers.next(invoice.writeDate()), clock.instant());
        TaxInvoice issued = repository.save(invoice);
        Document document = xmlWriter.toDocument(issued);
        String serial = key.sign(document, TaxInvoiceXmlWriter.signatureNextSibling(document), "invoice",
                String.valueOf(invoiceId));
        byte[] signed = TaxInvoiceXmlWriter.serialize(document);
        jdbc.update("insert into tax_invoice_document (invoice_id, signed_xml, document_sha256, certificate_serial, "
                        + "signed_at, signed_by) values (?, ?, ?, ?, ?, ?)", invoiceId, signed, sha256(signed), serial,
                Timestamp.from(clock.instant()), actor);
        history.record(invoiceId, clock.instant(), actor, from, InvoiceState.ISSUED,
                "approved and signed (certificate " + serial + "), approval number " + issued.ntsConfirmNum());
        notifications.publish(NotificationEvent.INVOICE_ISSUED, "invoice-issued:" + invoiceId,
                List.of(InvoiceRecipients.supplier(issued), InvoiceRecipients.buyer(issued)),
                Map.ofEntries(Map.entry("supplierName", issued.invoicer().corpName()),
                        Map.entry("buyerName", issued.invoicee().corpName()),
                        Map.entry("invoiceeMgtKey", issued.invoiceeMgtKey()), Map.entry("writeDate", issued.writeDate()),
                        Map.entry("approvalNumber", issued.ntsConfirmNum()),
                        Map.entry("supplyAmount", issued.supplyCostTotal()), Map.entry("taxAmount", issued.taxTotal()),
                        Map.entry("totalAmount", issued.totalAmount()), Map.entry("issuedAt", issued.issuedAt()),
                        Map.entry("link", baseUrl + "/portal")),
                List.of(new AttachmentRef(InvoicePdfAttachments.KIND, String.valueOf(invoiceId))));
        process.approved(invoiceId);
        return issued;
    }

    /**
     * The supplier refuses the request (역발행 거부), with a reason the buyer will read. A supplier with a registered
     * certificate proves the refusal with its password, as it would an approval; one without has nothing stronger
     * than its portal session, and a refusal creates no tax document (the buyer can request again). See ADR 0001.
     */
    @Transactional
    public TaxInvoice refuse(long invoiceId, long supplierPartnerId, String reason, char[] certificatePassword,
                             String actor) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "is required: tell the buyer why the invoice is refused");
        }
        if (reason.strip().length() > MAX_REASON) {
            throw new InvalidInputException("reason", "거부 사유는 " + MAX_REASON + "자 이내로 입력해 주세요. / at most "
                    + MAX_REASON + " characters");
        }
        TaxInvoice invoice = ownInvoice(invoiceId, supplierPartnerId);
        if (signing.hasValidCertificate(supplierPartnerId)) {
            proveWithPassword(supplierPartnerId, certificatePassword, actor);
        }
        InvoiceState from = invoice.refuse(reason.strip(), clock.instant());
        TaxInvoice refused = repository.save(invoice);
        history.record(invoiceId, clock.instant(), actor, from, InvoiceState.REFUSED, reason.strip());
        notifications.publish(NotificationEvent.INVOICE_REJECTED, "invoice-rejected:" + invoiceId, List.of(InvoiceRecipients.buyer(refused)),
                Map.of("supplierName", refused.invoicer().corpName(), "buyerName", refused.invoicee().corpName(),
                        "invoiceeMgtKey", refused.invoiceeMgtKey(), "writeDate", refused.writeDate(),
                        "totalAmount", refused.totalAmount(), "reason", reason.strip(), "rejectedAt", clock.instant(),
                        "link", baseUrl + "/"));
        process.refused(invoiceId);
        return refused;
    }

    /**
     * The supplier cancels an issued invoice before it is transmitted (발급 취소, 600). It undoes a signature, so it
     * needs the same proof: the certificate's password.
     */
    @Transactional
    public TaxInvoice cancelIssue(long invoiceId, long supplierPartnerId, String memo, char[] certificatePassword,
                                  String actor) {
        if (memo != null && memo.strip().length() > MAX_REASON) {
            throw new InvalidInputException("memo", "취소 사유는 " + MAX_REASON + "자 이내로 입력해 주세요. / at most "
                    + MAX_REASON + " characters");
        }
        TaxInvoice invoice = ownInvoice(invoiceId, supplierPartnerId);
        proveWithPassword(supplierPartnerId, certificatePassword, actor);
        String note = memo == null || memo.isBlank() ? "공급자 발급 취소" : memo.strip();
        InvoiceState from = invoice.cancelIssue(note, clock.instant());
        TaxInvoice cancelled = repository.save(invoice);
        history.record(invoiceId, clock.instant(), actor, from, InvoiceState.ISSUE_CANCELLED, note);
        notifications.publish(NotificationEvent.INVOICE_ISSUE_CANCELLED, "invoice-issue-cancelled:" + invoiceId,
                List.of(InvoiceRecipients.supplier(cancelled), InvoiceRecipients.buyer(cancelled)),
                Map.of("supplierName", cancelled.invoicer().corpName(), "buyerName", cancelled.invoicee().corpName(),
                        "invoiceeMgtKey", cancelled.invoiceeMgtKey(), "writeDate", cancelled.writeDate(),
                        "approvalNumber", cancelled.ntsConfirmNum(), "totalAmount", cancelled.totalAmount(),
                        "memo", note, "cancelledAt", clock.instant()));
        process.issueCancelled(invoiceId);
        return cancelled;
    }

    /** The signed XML as issued (what will be transmitted). */
    @Transactional(readOnly = true)
    public byte[] signedDocument(long invoiceId) {
        return jdbc.query("select signed_xml from tax_invoice_document where invoice_id = ?",
                (rs, i) -> rs.getBytes(1), invoiceId).stream().findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("Invoice " + invoiceId + " has no signed document"));
    }

    /** The password opens the signing key (counted and audited when wrong); nothing is signed with it. */
    private void proveWithPassword(long supplierPartnerId, char[] certificatePassword, String actor) {
        try (InvoiceSigning.SigningKey proof = signing.open(supplierPartnerId, certificatePassword, actor)) {
            proof.serialNumber();
        }
    }

    /** A supplier sees only its own invoices: anything else is "not found", not "forbidden". */
    private TaxInvoice ownInvoice(long invoiceId, long supplierPartnerId) {
        TaxInvoice invoice = invoices.get(invoiceId);
        if (invoice.partnerId() != supplierPartnerId) {
            throw new ResourceNotFoundException("No invoice " + invoiceId);
        }
        return invoice;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
