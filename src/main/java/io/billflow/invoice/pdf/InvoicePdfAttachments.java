package io.billflow.invoice.pdf;

import io.billflow.invoice.application.InvoiceService;
import io.billflow.invoice.domain.TaxInvoice;
import io.billflow.notification.api.AttachmentSource;
import io.billflow.notification.api.OutgoingMail;
import org.springframework.stereotype.Component;

/** {@code invoice-pdf:<id>}: the invoice's PDF, rendered when the mail goes out (e.g. the issued notice). */
@Component
public class InvoicePdfAttachments implements AttachmentSource {

    public static final String KIND = "invoice-pdf";

    private final InvoiceService invoices;
    private final InvoicePdfRenderer renderer;

    public InvoicePdfAttachments(InvoiceService invoices, InvoicePdfRenderer renderer) {
        this.invoices = invoices;
        this.renderer = renderer;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public OutgoingMail.Attachment render(String id) {
        TaxInvoice invoice = invoices.get(Long.parseLong(id));
        return new OutgoingMail.Attachment("세금계산서_" + invoice.invoiceeMgtKey() + ".pdf", "application/pdf",
                renderer.render(invoice));
    }
}
