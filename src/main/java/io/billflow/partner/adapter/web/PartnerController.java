package io.billflow.partner.adapter.web;

import java.net.URI;
import java.util.List;

import io.billflow.partner.api.PartnerType;
import io.billflow.partner.application.PartnerSearch;
import io.billflow.partner.application.ContactChangeHold;
import io.billflow.partner.application.PartnerService;
import io.billflow.partner.domain.BusinessState;
import io.billflow.partner.domain.Contact;
import io.billflow.partner.domain.PartnerData;
import io.billflow.platform.web.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
@RequestMapping("/api/partners")
@Tag(name = "Partners", description = "Suppliers (공급자): registration, NTS link (국세청 연동), business status")
class PartnerController {

    private final PartnerService service;
    private final PartnerSearch search;
    private final ContactChangeHold contactChanges;

    public PartnerController(PartnerService service, PartnerSearch search, ContactChangeHold contactChanges) {
        this.service = service;
        this.search = search;
        this.contactChanges = contactChanges;
    }

    private PartnerView view(io.billflow.partner.domain.Partner partner) {
        return PartnerView.of(partner, contactChanges.held(partner.id()));
    }

    @PostMapping
    @Operation(summary = "Register a partner (409 when the business number exists)")
    public ResponseEntity<PartnerView> create(@Valid @RequestBody PartnerRequest request) {
        PartnerView created = view(service.register(toData(request)));
        return ResponseEntity.created(URI.create("/api/partners/" + created.id())).body(created);
    }

    @Operation(summary = "One partner, with a contact change on hold if there is one")
    @GetMapping("/{id}")
    public PartnerView get(@PathVariable long id) {
        return view(service.get(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a partner's data; changing business data unlinks it from NTS; a change of its "
            + "e-mails or mobile waits for the hold (pendingContactChange) and is told to the contacts in place")
    public PartnerView update(@PathVariable long id, @Valid @RequestBody PartnerRequest request, Authentication caller) {
        if (request.version() == null) {
            throw new InvalidInputException("version", "is required: send the version you read");
        }
        return view(service.update(id, request.version(), toData(request), caller.getName()));
    }

    @PostMapping("/{id}/nts-link")
    @Operation(summary = "Link to NTS (국세청 연동): validates, checks 휴폐업, sends the registration-complete e-mail")
    public PartnerView link(@PathVariable long id, Authentication caller) {
        return view(service.link(id, caller.getName()));
    }

    @DeleteMapping("/{id}/nts-link")
    @Operation(summary = "Unlink from NTS: no new invoice requests until relinked")
    public PartnerView unlink(@PathVariable long id, Authentication caller) {
        return view(service.unlink(id, caller.getName()));
    }

    @PostMapping("/{id}/business-status")
    @Operation(summary = "Look up the business status (휴폐업 조회) now")
    public PartnerView refreshBusinessStatus(@PathVariable long id) {
        return view(service.refreshBusinessStatus(id));
    }

    @DeleteMapping("/{id}/contact-change")
    @Operation(summary = "Cancel the contact change waiting for its hold (404 when none waits)")
    public ResponseEntity<Void> cancelContactChange(@PathVariable long id, Authentication caller) {
        service.get(id);
        contactChanges.cancel(id, caller.getName());
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    @Operation(summary = "Search partners by name or number fragment, type, link and business state")
    public PartnerSearch.Page<PartnerView> search(@RequestParam(required = false) String q,
                                                  @RequestParam(required = false) PartnerType type,
                                                  @RequestParam(required = false) Boolean linked,
                                                  @RequestParam(required = false) BusinessState businessState,
                                                  @RequestParam(defaultValue = "0") @Min(0) int page,
                                                  @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        PartnerSearch.Page<io.billflow.partner.domain.Partner> result = search.search(
                new PartnerSearch.Criteria(q, type, linked, businessState == null ? null : businessState.name()), page, size);
        return new PartnerSearch.Page<>(result.items().stream().map(this::view).toList(), result.page(),
                result.size(), result.total());
    }

    static PartnerData toData(PartnerRequest r) {
        String corpNum = r.corpNum() == null ? null : r.corpNum().replace("-", "");
        PartnerRequest.ContactRequest c = r.contact();
        return new PartnerData(r.partnerType(), corpNum, r.taxRegId(), trim(r.corpName()), trim(r.ceoName()),
                trim(r.addr()), trim(r.bizType()), trim(r.bizClass()),
                new Contact(trim(c.name()), trim(c.email()), digitsWithHyphens(c.mobile()), trim(c.tel())),
                r.extraEmails() == null ? List.of() : r.extraEmails().stream().map(String::trim).toList());
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String digitsWithHyphens(String mobile) {
        return mobile == null || mobile.isBlank() ? null : mobile.trim();
    }
}
