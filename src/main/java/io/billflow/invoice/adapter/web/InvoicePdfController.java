package io.billflow.invoice.adapter.web;

import io.billflow.invoice.application.InvoiceService;
import io.billflow.invoice.domain.TaxInvoice;
import io.billflow.invoice.pdf.InvoicePdfRenderer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The printable copy of an invoice, shown in the browser (inline) and named after the buyer's key. */
@RestController
@RequestMapping("/api/invoices")
@Tag(name = "Tax invoices")
class InvoicePdfController {

    private final InvoiceService service;
    private final InvoicePdfRenderer renderer;

    public InvoicePdfController(InvoiceService service, InvoicePdfRenderer renderer) {
        this.service = service;
        this.renderer = renderer;
    }

    // no "produces": a 404 must still reach the client as problem+json when it asked for a PDF
    @GetMapping("/{id}/pdf")
    @Operation(summary = "The invoice as a PDF laid out like the 전자세금계산서 form (공급받는자 보관용)")
    public ResponseEntity<byte[]> pdf(@PathVariable long id) {
        TaxInvoice invoice = service.get(id);
        byte[] pdf = renderer.render(invoice);
        ContentDisposition inline = ContentDisposition.inline().filename(invoice.invoiceeMgtKey() + ".pdf").build();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, inline.toString())
                .body(pdf);
    }
}
