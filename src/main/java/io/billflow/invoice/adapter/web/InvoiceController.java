package io.billflow.invoice.adapter.web;

import io.billflow.platform.web.input.MultiLine;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

import io.billflow.invoice.api.TaxType;
import io.billflow.invoice.application.InvoiceHistory;
import io.billflow.invoice.application.InvoiceSearch;
import io.billflow.invoice.application.InvoiceService;
import io.billflow.platform.web.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/invoices")
@Tag(name = "Tax invoices", description = "Reverse-issued tax invoices (역발행): drafts, requests, search, history")
class InvoiceController {

    /** A memo for a state change, e.g. why a request was cancelled. */
    public record MemoRequest(@MultiLine @Size(max = 1000) String memo) {
    }

    private final InvoiceService service;
    private final InvoiceSearch search;
    private final InvoiceHistory history;

    public InvoiceController(InvoiceService service, InvoiceSearch search, InvoiceHistory history) {
        this.service = service;
        this.search = search;
        this.history = history;
    }

    @PostMapping
    @Operation(summary = "Save a draft (임시저장, state 100)")
    public ResponseEntity<InvoiceView> create(@Valid @RequestBody InvoiceRequest request, Authentication caller) {
        InvoiceView created = InvoiceView.of(service.createDraft(InvoiceRequestMapper.toContent(request),
                caller.getName(), request.memo()));
        return ResponseEntity.created(URI.create("/api/invoices/" + created.id())).body(created);
    }

    @PostMapping("/register-and-request")
    @Operation(summary = "Write and request issuance in one call (Popbill registRequest, state 200)")
    public ResponseEntity<InvoiceView> registerAndRequest(@Valid @RequestBody InvoiceRequest request,
                                                          Authentication caller) {
        InvoiceView created = InvoiceView.of(service.registerAndRequest(InvoiceRequestMapper.toContent(request),
                caller.getName(), request.memo()));
        return ResponseEntity.created(URI.create("/api/invoices/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Edit a draft (send the version you read)")
    public InvoiceView update(@PathVariable long id, @Valid @RequestBody InvoiceRequest request, Authentication caller) {
        if (request.version() == null) {
            throw new InvalidInputException("version", "is required: send the version you read");
        }
        return InvoiceView.of(service.updateDraft(id, request.version(), InvoiceRequestMapper.toContent(request),
                caller.getName()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a draft, refused, cancelled or failed invoice; frees its management key")
    public ResponseEntity<Void> delete(@PathVariable long id, Authentication caller) {
        service.delete(id, caller.getName(), null);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/request")
    @Operation(summary = "Request issuance of a draft (100 → 200)")
    public InvoiceView request(@PathVariable long id, @Valid @RequestBody(required = false) MemoRequest memo,
                               Authentication caller) {
        return InvoiceView.of(service.request(id, caller.getName(), memo == null ? null : memo.memo()));
    }

    @PostMapping("/{id}/cancel-request")
    @Operation(summary = "Withdraw the request before the supplier issues (200 → 500)")
    public InvoiceView cancelRequest(@PathVariable long id, @Valid @RequestBody(required = false) MemoRequest memo,
                                     Authentication caller) {
        return InvoiceView.of(service.cancelRequest(id, caller.getName(), memo == null ? null : memo.memo()));
    }

    @GetMapping("/{id}")
    @io.swagger.v3.oas.annotations.Operation(summary = "Detail, with processActivity: where the invoice's process waits")
    public InvoiceView get(@PathVariable long id) {
        return InvoiceView.of(service.get(id)).withProcessActivity(service.processActivity(id));
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Every state change: who, when, from, to, memo")
    public List<InvoiceHistory.Event> history(@PathVariable long id) {
        service.get(id);
        return history.of(id);
    }

    @GetMapping
    @Operation(summary = "Search: state patterns (3**, 30*), date type W/I/R with range (yyyyMMdd), parties, paging")
    public InvoiceSearch.Page search(@RequestParam(required = false) String state,
                                     @RequestParam(defaultValue = "W") InvoiceSearch.DateType dateType,
                                     @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(required = false) Long partnerId,
                                     @RequestParam(required = false) Long buyerCompanyId,
                                     @RequestParam(required = false) String taxType,
                                     @RequestParam(required = false) String q,
                                     @RequestParam(defaultValue = "regDT") InvoiceSearch.Sort sort,
                                     @RequestParam(defaultValue = "desc") String order,
                                     @RequestParam(defaultValue = "0") @Min(0) int page,
                                     @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int size) {
        List<String> states = state == null ? List.of() : Arrays.stream(state.split(",")).map(String::strip).toList();
        states.forEach(s -> {
            if (!s.matches("[1-6*][0-9*]{2}")) {
                throw new InvalidInputException("state", "each pattern is 3 characters of digits and *, e.g. 3** or 304");
            }
        });
        if (!order.equals("asc") && !order.equals("desc")) {
            throw new InvalidInputException("order", "must be asc or desc");
        }
        String tax = taxType == null ? null : TaxType.fromLabelOrNull(taxType);
        if (taxType != null && tax == null) {
            throw new InvalidInputException("taxType", "must be 과세, 영세 or 면세");
        }
        return search.search(new InvoiceSearch.Criteria(states, dateType,
                from == null ? null : InvoiceRequestMapper.date(from, "from"),
                to == null ? null : InvoiceRequestMapper.date(to, "to"), partnerId, buyerCompanyId, tax, q),
                sort, order.equals("asc"), page, size);
    }
}
