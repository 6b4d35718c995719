package io.billflow.invoice.adapter.web;

import java.nio.charset.StandardCharsets;

import io.billflow.invoice.application.InvoiceService;
import io.billflow.invoice.domain.TaxInvoice;
import io.billflow.invoice.xml.TaxInvoiceXmlWriter;
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

/** The invoice as the NTS standard XML document (KEC {@code TaxInvoice}), unsigned. */
@RestController
@RequestMapping("/api/invoices")
@Tag(name = "Tax invoices")
class InvoiceXmlController {

    static final MediaType XML_UTF8 = new MediaType("application", "xml", StandardCharsets.UTF_8);

    private final InvoiceService service;
    private final TaxInvoiceXmlWriter writer;

    public InvoiceXmlController(InvoiceService service, TaxInvoiceXmlWriter writer) {
        this.service = service;
        this.writer = writer;
    }

    @GetMapping(value = "/{id}/xml", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(summary = "The invoice as NTS standard XML (TaxInvoice, namespace urn:kr:or:kec:standard:Tax:…), "
            + "unsigned; shown inline, file name = invoiceeMgtKey.xml")
    public ResponseEntity<byte[]> xml(@PathVariable long id) {
        TaxInvoice invoice = service.get(id);
        // the management key is [A-Za-z0-9_-]{1,24} (InvoiceRules), so it is a safe file name as it is
        ContentDisposition disposition = ContentDisposition.inline()
                .filename(invoice.invoiceeMgtKey() + ".xml").build();
        return ResponseEntity.ok().contentType(XML_UTF8)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(writer.write(invoice));
    }
}
