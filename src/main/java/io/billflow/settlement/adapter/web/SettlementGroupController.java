package io.billflow.settlement.adapter.web;

import java.net.URI;
import java.util.List;

import io.billflow.partner.api.PartnerDirectory;
import io.billflow.partner.api.PartnerSnapshot;
import io.billflow.platform.camunda.StaffGroups;
import io.billflow.platform.security.StaffIdentity;
import io.billflow.platform.web.InvalidInputException;
import io.billflow.settlement.adapter.web.SettlementViews.AccountView;
import io.billflow.settlement.adapter.web.SettlementViews.GroupView;
import io.billflow.settlement.application.PayoutAccountService;
import io.billflow.settlement.application.SettlementGroupService;
import io.billflow.settlement.application.VerificationMobileHold;
import io.billflow.settlement.domain.SettlementGroup;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
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
@RequestMapping("/api/settlement/groups")
@Tag(name = "Settlement groups", description = "정산그룹: media settled on one tax invoice, contacts, deadline, payout account")
class SettlementGroupController {

    private final SettlementGroupService service;
    private final PayoutAccountService accounts;
    private final PartnerDirectory partners;
    private final VerificationMobileHold mobileHold;

    public SettlementGroupController(SettlementGroupService service, PayoutAccountService accounts,
                                     PartnerDirectory partners, VerificationMobileHold mobileHold) {
        this.service = service;
        this.accounts = accounts;
        this.partners = partners;
        this.mobileHold = mobileHold;
    }

    @PostMapping
    @Operation(summary = "Create a group (optionally with its first payout account); 409 on a name or medium the partner uses")
    public ResponseEntity<GroupView> create(@Valid @RequestBody GroupRequests.Create request, Authentication caller) {
        SettlementGroup group = service.create(request.partnerId(), request.data(), request.verificationMobile().strip(),
                request.payoutAccount() == null ? null : request.payoutAccount().input(), caller.getName());
        return ResponseEntity.created(URI.create("/api/settlement/groups/" + group.id())).body(view(group));
    }

    @Operation(summary = "One settlement group")
    @GetMapping("/{id}")
    public GroupView get(@PathVariable long id) {
        return view(service.get(id));
    }

    @GetMapping
    @Operation(summary = "Groups of a partner and/or whose name contains q")
    public List<GroupView> list(@RequestParam(required = false) Long partnerId, @RequestParam(required = false) String q) {
        return service.list(partnerId, q).stream().map(this::view).toList();
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace name, media, contacts and deadline day (send the version you read)")
    public GroupView update(@PathVariable long id, @Valid @RequestBody GroupRequests.Update request,
                            Authentication caller) {
        if (request.version() == null) {
            throw new InvalidInputException("version", "is required: send the version you read");
        }
        return view(service.update(id, request.version(), request.data(), caller.getName()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a group that has no monthly report (409 otherwise)")
    public ResponseEntity<Void> delete(@PathVariable long id, Authentication caller) {
        service.delete(id, caller.getName());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}/verification-mobile-change")
    @Operation(summary = "Cancel the verification mobile change waiting for its hold (camunda-admin, settlement "
            + "managers; 404 when none waits)")
    public ResponseEntity<Void> cancelVerificationMobileChange(@PathVariable long id, Authentication caller) {
        service.get(id);
        mobileHold.cancel(id, caller.getName());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/verification-mobile")
    @Operation(summary = "Change the mobile that receives one-time codes (camunda-admin only): waits for the hold "
            + "(pendingVerificationMobile), announced to the group's contacts and the mobile in place; then voids "
            + "open change requests and codes")
    public GroupView changeVerificationMobile(@PathVariable long id,
                                              @Valid @RequestBody GroupRequests.VerificationMobile request,
                                              Authentication caller) {
        // SecurityConfiguration has the same rule; whoever controls this number controls the payout account
        if (!StaffIdentity.of(caller).groups().contains(StaffGroups.ADMIN)) {
            throw new AccessDeniedException("only camunda-admin changes a verification mobile");
        }
        return view(service.changeVerificationMobile(id, request.mobile().strip(), caller.getName()));
    }

    private GroupView view(SettlementGroup group) {
        String partnerName = partners.partner(group.partnerId()).map(PartnerSnapshot::corpName).orElse(null);
        AccountView account = accounts.current(group.id())
                .map(a -> AccountView.of(a, accounts.bankName(a.bankCode()))).orElse(null);
        return GroupView.of(group, partnerName, account, mobileHold.held(group.id()));
    }
}
