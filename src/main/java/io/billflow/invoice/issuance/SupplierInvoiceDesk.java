package io.billflow.invoice.issuance;

import java.util.List;

import io.billflow.invoice.api.ApprovalOutcome;
import io.billflow.invoice.api.SupplierInvoiceRow;
import io.billflow.invoice.api.SupplierInvoiceView;
import io.billflow.invoice.api.SupplierInvoices;
import io.billflow.invoice.application.InvoiceSearch;
import io.billflow.invoice.application.InvoiceService;
import io.billflow.invoice.domain.Party;
import io.billflow.invoice.domain.TaxInvoice;
import io.billflow.platform.web.ResourceNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The supplier portal's use cases over the invoice module: lists, one invoice, and the supplier's decisions. */
@Component
class SupplierInvoiceDesk implements SupplierInvoices {

    private final InvoiceSearch search;
    private final InvoiceService invoices;
    private final IssuanceService issuance;

    SupplierInvoiceDesk(InvoiceSearch search, InvoiceService invoices, IssuanceService issuance) {
        this.search = search;
        this.invoices = invoices;
        this.issuance = issuance;
    }

    @Override
    public List<SupplierInvoiceRow> awaitingDecision(long partnerId) {
        return rows(partnerId, "2**");
    }

    @Override
    public List<SupplierInvoiceRow> issued(long partnerId) {
        return rows(partnerId, "3**");
    }

    @Override
    @Transactional(readOnly = true)
    public SupplierInvoiceView invoice(long partnerId, long invoiceId) {
        TaxInvoice invoice = invoices.get(invoiceId);
        if (invoice.partnerId() != partnerId) {
            throw new ResourceNotFoundException("No invoice " + invoiceId);
        }
        return new SupplierInvoiceView(invoice.id(), invoice.state(), invoice.invoiceeMgtKey(), invoice.writeDate(),
                name(invoice.invoicer()), name(invoice.invoicee()), invoice.supplyCostTotal(), invoice.taxTotal(),
                invoice.totalAmount(), invoice.ntsConfirmNum(), invoice.issuanceDeadline(), invoice.detailList());
    }

    @Override
    public void approve(long partnerId, long invoiceId, boolean lateIssueConfirmed, char[] certificatePassword,
                        String actor) {
        issuance.approve(invoiceId, partnerId, lateIssueConfirmed, certificatePassword, actor);
    }

    @Override
    public List<ApprovalOutcome> approveAll(long partnerId, List<Long> invoiceIds, boolean lateIssueConfirmed,
                                            char[] certificatePassword, String actor) {
        return issuance.approveAll(invoiceIds, partnerId, lateIssueConfirmed, certificatePassword, actor);
    }

    @Override
    public void refuse(long partnerId, long invoiceId, String reason, char[] certificatePassword, String actor) {
        issuance.refuse(invoiceId, partnerId, reason, certificatePassword, actor);
    }

    @Override
    public void cancelIssue(long partnerId, long invoiceId, String memo, char[] certificatePassword, String actor) {
        issuance.cancelIssue(invoiceId, partnerId, memo, certificatePassword, actor);
    }

    private List<SupplierInvoiceRow> rows(long partnerId, String statePattern) {
        return search.search(new InvoiceSearch.Criteria(List.of(statePattern), InvoiceSearch.DateType.W, null, null,
                        partnerId, null, null, null), InvoiceSearch.Sort.writeDate, false, 0, LIST_LIMIT).items()
                .stream()
                .map(s -> new SupplierInvoiceRow(s.id(), s.invoiceeMgtKey(), s.writeDate(), s.invoiceeCorpName(),
                        s.totalAmount(), s.ntsConfirmNum(), s.stateName()))
                .toList();
    }

    private static SupplierInvoiceView.PartyName name(Party party) {
        return new SupplierInvoiceView.PartyName(party.corpNum(), party.corpName());
    }
}
