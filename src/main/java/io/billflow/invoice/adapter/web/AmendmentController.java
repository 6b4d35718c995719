package io.billflow.invoice.adapter.web;

import io.billflow.platform.web.input.MultiLine;

import java.util.ArrayList;
import java.util.List;

import io.billflow.invoice.api.TaxInvoiceDetail;
import io.billflow.invoice.application.AmendmentService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tax invoices")
class AmendmentController {

    /** An amendment (수정세금계산서) of a transmitted invoice; see the README for what each code needs. */
    public record AmendmentRequest(
            @NotNull @Min(1) @Max(6) Integer modifyCode,
            @Pattern(regexp = "\\d{8}", message = "must be yyyyMMdd") String writeDate,
            @Size(max = 99) List<InvoiceRequest.@Valid @NotNull Line> detailList,
            @Size(max = 2) List<String> invoiceeMgtKeys,
            @MultiLine @Size(max = 1000) String memo) {
    }

    private final AmendmentService amendments;

    public AmendmentController(AmendmentService amendments) {
        this.amendments = amendments;
    }

    @PostMapping("/api/invoices/{id}/amendments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Write the amendment drafts a modify code requires (original must be transmitted, 304)")
    public List<InvoiceView> amend(@PathVariable long id, @Valid @RequestBody AmendmentRequest request,
                                   Authentication caller) {
        List<TaxInvoiceDetail> lines = null;
        if (request.detailList() != null) {
            lines = new ArrayList<>();
            for (int i = 0; i < request.detailList().size(); i++) {
                InvoiceRequest.Line l = request.detailList().get(i);
                lines.add(new TaxInvoiceDetail(l.serialNum(), l.purchaseDT() == null ? null
                        : InvoiceRequestMapper.date(l.purchaseDT(), "detailList[" + i + "].purchaseDT"), l.itemName(),
                        l.spec(), l.qty(), l.unitCost(), l.supplyCost(), l.tax(), l.remark()));
            }
        }
        AmendmentService.Amendment amendment = new AmendmentService.Amendment(request.modifyCode(),
                request.writeDate() == null ? null : InvoiceRequestMapper.date(request.writeDate(), "writeDate"), lines,
                request.invoiceeMgtKeys(), request.memo());
        return amendments.amend(id, amendment, caller.getName()).stream().map(InvoiceView::of).toList();
    }
}
