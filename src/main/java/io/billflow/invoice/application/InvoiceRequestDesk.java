package io.billflow.invoice.application;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.billflow.invoice.api.InvoiceContent;
import io.billflow.invoice.api.InvoiceRequests;
import io.billflow.invoice.api.InvoiceState;
import io.billflow.invoice.domain.TaxInvoice;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link InvoiceRequests} over the invoice use cases and the invoice store. */
@Component
class InvoiceRequestDesk implements InvoiceRequests {

    private final InvoiceService invoices;
    private final InvoiceRepository repository;

    InvoiceRequestDesk(InvoiceService invoices, InvoiceRepository repository) {
        this.invoices = invoices;
        this.repository = repository;
    }

    @Override
    @Transactional
    public long draftAndRequest(InvoiceContent content, String actor, String reference) {
        long id = invoices.createDraft(content, actor, "made from " + reference).id();
        invoices.requestWithoutProcess(id, actor, reference);
        return id;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<InvoiceState> state(long invoiceId) {
        return repository.findById(invoiceId).map(TaxInvoice::state);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, String> approvalNumbers(Collection<Long> invoiceIds) {
        Map<Long, String> numbers = new HashMap<>();
        if (invoiceIds.isEmpty()) {
            return numbers;
        }
        for (TaxInvoice invoice : repository.findAllById(invoiceIds)) {
            if (invoice.ntsConfirmNum() != null && !invoice.ntsConfirmNum().isBlank()) {
                numbers.put(invoice.id(), invoice.ntsConfirmNum().strip());
            }
        }
        return numbers;
    }
}
