package io.billflow.invoice.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.billflow.calendar.api.BusinessCalendar;
import io.billflow.invoice.api.InvoiceContent;
import io.billflow.invoice.api.InvoiceState;
import io.billflow.invoice.domain.Party;
import io.billflow.invoice.domain.TaxInvoice;
import io.billflow.notification.api.NotificationEvent;
import io.billflow.notification.api.Notifications;
import io.billflow.notification.api.PortalLinks;
import io.billflow.partner.api.PartnerDirectory;
import io.billflow.partner.api.PartnerSnapshot;
import io.billflow.platform.web.ConflictException;
import io.billflow.platform.web.FieldViolation;
import io.billflow.platform.web.InvalidInputException;
import io.billflow.platform.web.ResourceNotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The buyer's side of a reverse invoice: write a draft, edit or delete it, request issuance, withdraw
 * the request. Every rule is checked before anything is written; every change lands in the history.
 */
@Service
public class InvoiceService {

    private final InvoiceRepository invoices;
    private final InvoiceHistory history;
    private final PartnerDirectory directory;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final ReverseIssuanceProcess process;
    private final Notifications notifications;
    private final PortalLinks portalLinks;

    public InvoiceService(InvoiceRepository invoices, InvoiceHistory history, PartnerDirectory directory,
                          BusinessCalendar calendar, Clock clock, ReverseIssuanceProcess process,
                          Notifications notifications, PortalLinks portalLinks) {
        this.invoices = invoices;
        this.history = history;
        this.directory = directory;
        this.calendar = calendar;
        this.clock = clock;
        this.process = process;
        this.notifications = notifications;
        this.portalLinks = portalLinks;
    }

    @Transactional
    public TaxInvoice createDraft(InvoiceContent content, String actor, String memo) {
        Parties parties = checked(content, null);
        TaxInvoice invoice = TaxInvoice.draft(content, parties.invoicer(), parties.invoicee(),
                calendar.issuanceDeadline(content.writeDate()), actor, clock.instant());
        TaxInvoice saved = save(invoice, content);
        history.record(saved.id(), saved.registeredAt(), actor, null, InvoiceState.DRAFT, memo);
        return saved;
    }

    /** Checks an invoice as {@link #createDraft} would, without writing anything. */
    @Transactional(readOnly = true)
    public void validate(InvoiceContent content) {
        checked(content, null);
    }

    /**
     * After NTS refused an invoice: a new draft with its content under the management key + "-R1", for the
     * buyer to correct and request again. A repeated call returns the same draft.
     */
    @Transactional
    public TaxInvoice correctedDraftOf(long refusedId, String actor) {
        TaxInvoice refused = get(refusedId);
        String base = refused.invoiceeMgtKey();
        String key = (base.length() > 21 ? base.substring(0, 21) : base) + "-R1";
        java.util.Optional<TaxInvoice> existing = invoices.findLiveByMgtKey(refused.buyerCompanyId(), key);
        if (existing.isPresent()) {
            return existing.get();
        }
        InvoiceContent c = refused.content();
        InvoiceContent copy = new InvoiceContent(c.buyerCompanyId(), c.partnerId(), key, null, c.writeDate(), c.taxType(),
                c.purposeType(), c.chargeDirection(), c.supplyCostTotal(), c.taxTotal(), c.totalAmount(), c.cash(),
                c.chkBill(), c.note(), c.credit(), c.remark1(), c.remark2(), c.remark3(), c.kwon(), c.ho(), c.serialNum(),
                c.lateIssue(), null, null, c.detailList());
        return createDraft(copy, actor, "corrected copy of invoice " + refusedId + " refused by NTS: " + refused.stateMemo());
    }

    /** Popbill's registRequest: write and request in one step, atomically. */
    @Transactional
    public TaxInvoice registerAndRequest(InvoiceContent content, String actor, String memo) {
        TaxInvoice draft = createDraft(content, actor, null);
        return request(draft.id(), actor, memo);
    }

    @Transactional
    public TaxInvoice updateDraft(long id, int expectedVersion, InvoiceContent content, String actor) {
        TaxInvoice invoice = get(id);
        requireVersion(invoice, expectedVersion);
        Parties parties = checked(content, invoice.id());
        invoice.updateDraft(content, parties.invoicer(), parties.invoicee(),
                calendar.issuanceDeadline(content.writeDate()), clock.instant());
        TaxInvoice saved = save(invoice, content);
        history.record(id, clock.instant(), actor, InvoiceState.DRAFT, InvoiceState.DRAFT, "draft edited");
        return saved;
    }

    @Transactional
    public TaxInvoice request(long id, String actor, String memo) {
        TaxInvoice requested = requestWithoutProcess(id, actor, memo);
        process.requested(id);
        return requested;
    }

    /**
     * The request (200, the supplier's issue-request mail) without starting {@code reverseInvoiceProcess}:
     * for a caller whose own process starts it as a call activity (the settlement process).
     */
    @Transactional
    public TaxInvoice requestWithoutProcess(long id, String actor, String memo) {
        TaxInvoice invoice = get(id);
        requireInvoiceablePartner(invoice.partnerId());
        LocalDate today = LocalDate.now(clock);
        if (today.isAfter(invoice.issuanceDeadline()) && !invoice.lateIssue()) {
            throw new InvalidInputException("writeDate", "the issuance deadline " + invoice.issuanceDeadline()
                    + " has passed; edit the draft with lateIssue = true to request it anyway");
        }
        InvoiceState from = invoice.request(clock.instant());
        TaxInvoice saved = invoices.save(invoice);
        history.record(id, clock.instant(), actor, from, saved.state(), memo);
        publishIssueRequest(saved, "invoice-requested:" + id, actor);
        return saved;
    }

    @Transactional
    public TaxInvoice cancelRequest(long id, String actor, String memo) {
        TaxInvoice invoice = get(id);
        InvoiceState from = invoice.cancelRequest(clock.instant());
        TaxInvoice saved = invoices.save(invoice);
        history.record(id, clock.instant(), actor, from, saved.state(), memo);
        notifications.publish(NotificationEvent.INVOICE_REQUEST_CANCELLED, "invoice-request-cancelled:" + id,
                List.of(InvoiceRecipients.supplier(saved)), Map.of("supplierName", saved.invoicer().corpName(),
                        "buyerName", saved.invoicee().corpName(), "invoiceeMgtKey", saved.invoiceeMgtKey(),
                        "writeDate", saved.writeDate(), "totalAmount", saved.totalAmount(),
                        "memo", memo == null || memo.isBlank() ? "-" : memo, "cancelledAt", clock.instant()));
        process.requestCancelled(id);
        return saved;
    }

    @Transactional
    public void delete(long id, String actor, String memo) {
        TaxInvoice invoice = get(id);
        InvoiceState state = invoice.delete(clock.instant());
        invoices.save(invoice);
        history.record(id, clock.instant(), actor, state, state, memo == null ? "deleted" : "deleted: " + memo);
    }

    @Transactional(readOnly = true)
    public TaxInvoice get(long id) {
        TaxInvoice invoice = invoices.findById(id).orElse(null);
        if (invoice == null || invoice.deletedAt() != null) {
            throw new ResourceNotFoundException("No invoice " + id);
        }
        return invoice;
    }

    private TaxInvoice save(TaxInvoice invoice, InvoiceContent content) {
        try {
            return invoices.save(invoice);
        } catch (DuplicateKeyException race) {
            throw duplicateKey(content);
        } catch (OptimisticLockingFailureException race) {
            throw new ConflictException("version", "The invoice was changed by someone else; reload and retry");
        }
    }

    /** Checks parties, key uniqueness and every rule; returns the party blocks to copy. */
    private Parties checked(InvoiceContent content, Long selfId) {
        List<FieldViolation> violations = new ArrayList<>();
        PartnerSnapshot buyer = directory.buyerCompany(content.buyerCompanyId()).orElse(null);
        if (buyer == null) {
            violations.add(FieldViolation.of("buyerCompanyId", "no buyer company with this id"));
        }
        PartnerSnapshot partner = directory.partner(content.partnerId()).orElse(null);
        if (partner == null) {
            violations.add(FieldViolation.of("partnerId", "no partner with this id"));
        } else if (partner.corpNum() == null) {
            violations.add(FieldViolation.of("partnerId", "individuals are paid with withholding and never invoiced"));
        } else if (!partner.ntsLinked()) {
            violations.add(FieldViolation.of("partnerId", "the partner is not linked to NTS (국세청 연동) yet"));
        } else if (partner.closed()) {
            violations.add(FieldViolation.of("partnerId", "the partner's business is closed (폐업)"));
        }
        LocalDate deadline = calendar.issuanceDeadline(content.writeDate());
        violations.addAll(InvoiceRules.check(content, LocalDate.now(clock), deadline));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        invoices.findLiveByMgtKey(content.buyerCompanyId(), content.invoiceeMgtKey())
                .filter(existing -> !Objects.equals(existing.id(), selfId))
                .ifPresent(existing -> {
                    throw duplicateKey(content);
                });
        return new Parties(party(partner), party(buyer));
    }

    private void requireInvoiceablePartner(long partnerId) {
        PartnerSnapshot partner = directory.partnerWithFreshStatus(partnerId)
                .orElseThrow(() -> new InvalidInputException("partnerId", "no partner with this id"));
        if (!partner.ntsLinked()) {
            throw new InvalidInputException("partnerId", "the partner is not linked to NTS (국세청 연동)");
        }
        if (partner.closed()) {
            throw new InvalidInputException("partnerId", "the partner's business is closed (폐업)");
        }
    }

    private static void requireVersion(TaxInvoice invoice, int expectedVersion) {
        if (!Objects.equals(invoice.version(), expectedVersion)) {
            throw new ConflictException("version", "The invoice was changed by someone else (version "
                    + invoice.version() + "); reload and retry");
        }
    }

    private static ConflictException duplicateKey(InvoiceContent content) {
        return new ConflictException("invoiceeMgtKey", "Management key " + content.invoiceeMgtKey()
                + " is in use by another invoice of this buyer company; delete that one first or choose another key");
    }

    /** Sends the issue request again (operations chose "resend"); only while the invoice waits (200). */
    @Transactional
    public boolean resendIssueRequest(long id, String actor) {
        TaxInvoice invoice = get(id);
        if (invoice.state() != InvoiceState.REQUESTED) {
            return false;
        }
        publishIssueRequest(invoice, "invoice-requested:" + id + ":resent:" + clock.instant().toEpochMilli(), actor);
        history.record(id, clock.instant(), actor, InvoiceState.REQUESTED, InvoiceState.REQUESTED, "issue request sent again");
        return true;
    }

    private void publishIssueRequest(TaxInvoice invoice, String dedupKey, String actor) {
        io.billflow.notification.api.SecretValue link = portalLinks.newLink(invoice.partnerId(), "INVOICE", actor);
        notifications.publish(NotificationEvent.INVOICE_ISSUE_REQUESTED, dedupKey,
                List.of(InvoiceRecipients.supplier(invoice)), Map.of("supplierName", invoice.invoicer().corpName(),
                        "buyerName", invoice.invoicee().corpName(), "invoiceeMgtKey", invoice.invoiceeMgtKey(),
                        "writeDate", invoice.writeDate(), "supplyAmount", invoice.supplyCostTotal(),
                        "taxAmount", invoice.taxTotal(), "totalAmount", invoice.totalAmount(),
                        "deadline", invoice.issuanceDeadline(), "link", link));
    }

    /** The process's current activity for the API (null when none runs). */
    public String processActivity(long invoiceId) {
        return process.currentActivity(invoiceId);
    }

    private static Party party(PartnerSnapshot p) {
        return new Party(p.corpNum(), p.taxRegId(), p.corpName(), p.ceoName(), p.addr(), p.bizType(), p.bizClass(),
                p.contactName(), p.contactEmail(), p.contactMobile(), p.contactTel());
    }

    private record Parties(Party invoicer, Party invoicee) {
    }
}
