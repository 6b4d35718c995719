package io.billflow.settlement.demo;

import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Local profile only: makes (or finds) the settlement demo month; see {@link SettlementDemoData}. */
@RestController
@Profile("local")
class SettlementDemoController {

    private final SettlementDemoData demo;

    public SettlementDemoController(SettlementDemoData demo) {
        this.demo = demo;
    }

    @PostMapping("/dev/demo/settlement")
    @Operation(summary = "Local only: four demo partners, their settlement groups and payout accounts, and this "
            + "month's reports as drafts (idempotent)")
    public SettlementDemoData.Seeded seed(Principal caller) {
        return demo.seed(caller.getName());
    }
}
