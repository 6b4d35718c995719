package io.billflow.invoice.adapter.web;

import io.billflow.invoice.transmission.TransmissionService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tax invoices")
class TransmissionController {

    private final TransmissionService transmission;

    public TransmissionController(TransmissionService transmission) {
        this.transmission = transmission;
    }

    @PostMapping("/api/invoices/{id}/send-to-nts")
    @Operation(summary = "Transmit this issued invoice to NTS now (closes its cancel window); the verdict follows")
    public InvoiceView sendToNts(@PathVariable long id) {
        return InvoiceView.of(transmission.sendNow(id));
    }
}
