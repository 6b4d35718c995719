package io.billflow.settlement.adapter.web;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import io.billflow.platform.web.InvalidInputException;
import io.billflow.platform.web.ResourceNotFoundException;
import io.billflow.settlement.adapter.web.SettlementViews.AccountView;
import io.billflow.settlement.adapter.web.SettlementViews.ChangeRequestView;
import io.billflow.settlement.application.PayoutAccountService;
import io.billflow.settlement.domain.PayoutAccountChangeRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The payout account of a group: shown masked; changed only through a change request confirmed with the
 * one-time code sent to the group's registered mobile. No endpoint returns the full number.
 */
@RestController
@Tag(name = "Payout accounts", description = "지급계좌: masked view, change with a one-time code (관리자 추가인증)")
class PayoutAccountController {

    private final PayoutAccountService accounts;

    public PayoutAccountController(PayoutAccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/settlement/groups/{id}/payout-account")
    @Operation(summary = "The current payout account, masked (404 when the group has none yet)")
    public AccountView current(@PathVariable long id) {
        return accounts.current(id).map(a -> AccountView.of(a, accounts.bankName(a.bankCode())))
                .orElseThrow(() -> new ResourceNotFoundException("Settlement group " + id + " has no payout account"));
    }

    @PostMapping("/api/settlement/groups/{id}/payout-account/change-requests")
    @Operation(summary = "Request a change: a 6-digit code goes by SMS to the group's registered mobile, valid 5 minutes")
    public ResponseEntity<ChangeRequestView> request(@PathVariable long id,
                                                     @RequestBody GroupRequests.AccountRequest body,
                                                     Authentication caller) {
        PayoutAccountChangeRequest request = accounts.requestChange(id, body.input(), caller.getName());
        return ResponseEntity.created(URI.create("/api/settlement/groups/" + id + "/payout-account/change-requests/"
                + request.id())).body(view(request));
    }

    @Operation(summary = "One payout-account change request and its state")
    @GetMapping("/api/settlement/groups/{id}/payout-account/change-requests/{requestId}")
    public ChangeRequestView get(@PathVariable long id, @PathVariable UUID requestId) {
        return view(accounts.changeRequest(id, requestId));
    }

    @PostMapping("/api/settlement/groups/{id}/payout-account/change-requests/{requestId}/confirm")
    @Operation(summary = "Confirm with the code: the new account is in force and every contact is told. "
            + "Wrong code 400 (tries left), expired/void/superseded 410, confirmed already 409")
    public AccountView confirm(@PathVariable long id, @PathVariable UUID requestId,
                               @RequestBody(required = false) GroupRequests.Confirm body, Authentication caller) {
        if (body == null) {
            throw new InvalidInputException("code", "is required: the 6 digits from the text message");
        }
        var account = accounts.confirm(id, requestId, body.code(), caller.getName());
        return AccountView.of(account, accounts.bankName(account.bankCode()));
    }

    @PostMapping("/api/admin/settlement/payout-accounts/rotate-kek")
    @Operation(summary = "Re-wrap every payout account's data key under the current KEK (after changing BILLFLOW_KEK)")
    public Map<String, Object> rotate(Authentication caller) {
        return Map.of("rewrapped", accounts.rewrapAll(caller.getName()));
    }

    private ChangeRequestView view(PayoutAccountChangeRequest request) {
        return ChangeRequestView.of(request, accounts.bankName(request.bankCode()));
    }
}
