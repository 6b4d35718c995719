package io.billflow.settlement.adapter.web;

import java.security.Principal;
import java.time.LocalDate;
import java.util.Map;

import io.billflow.settlement.application.SettlementFlowService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Moves a report into {@code settlementProcess}, and records the partner's confirmation. */
@RestController
@Tag(name = "Settlement process", description = "review → publish → partner confirms → reverse invoice → payout")
class SettlementFlowController {

    private final SettlementFlowService flow;

    public SettlementFlowController(SettlementFlowService flow) {
        this.flow = flow;
    }

    @PostMapping("/api/settlement/reports/{id}/review-request")
    @Operation(summary = "Send a draft (or a corrected, returned) report to a settlement manager's review in Tasklist")
    public Map<String, Object> requestReview(@PathVariable long id, Principal caller) {
        flow.submitForReview(id, caller.getName());
        return Map.of("reportId", id, "status", "IN_REVIEW");
    }

    public record Confirmation(LocalDate writeDate) {
    }

    @PostMapping("/api/settlement/reports/{id}/partner-confirmation")
    @Operation(summary = "The partner's confirmation of the reverse invoice, with its write date (staff on the "
            + "partner's behalf; never in the future, never before the settlement month)")
    public Map<String, Object> confirm(@PathVariable long id, @RequestBody Confirmation confirmation, Principal caller) {
        flow.partnerConfirmed(id, confirmation == null ? null : confirmation.writeDate(), caller.getName());
        return Map.of("reportId", id, "writeDate", confirmation.writeDate().toString());
    }
}
