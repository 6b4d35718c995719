package io.billflow.portal.adapter.web;

import java.util.List;

import io.billflow.platform.web.ResourceNotFoundException;
import io.billflow.portal.application.IndividualPrincipal;
import io.billflow.settlement.api.SettlementStage;
import io.billflow.settlement.api.IndividualSettlements;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * What an individual signed in with its group's code sees: that group's reports from publication on, each with
 * its lines, the stage and the withholding apart from the net payout. Read only: an individual confirms and
 * signs nothing. Another group's report, even of the same partner, is a 404.
 */
@Controller
class PortalIndividualSettlementController {

    /** The stage bar of an individual (지급 보류 and 정산 취소 are said in words, not on the bar). */
    static final List<SettlementStage> BAR = SettlementStage.INDIVIDUAL_BAR;

    private final IndividualSettlements settlements;

    public PortalIndividualSettlementController(IndividualSettlements settlements) {
        this.settlements = settlements;
    }

    @GetMapping(PortalIndividualAccessController.LANDING)
    public String list(@AuthenticationPrincipal IndividualPrincipal individual, Model model) {
        model.addAttribute("individual", individual);
        model.addAttribute("reports", settlements.reports(individual.settlementGroupId()));
        return "portal/individual-settlements";
    }

    @GetMapping(PortalIndividualAccessController.LANDING + "/{id}")
    public String detail(@AuthenticationPrincipal IndividualPrincipal individual, @PathVariable long id, Model model) {
        IndividualSettlements.Detail report = settlements.report(individual.settlementGroupId(), id)
                .orElseThrow(() -> new ResourceNotFoundException("No settlement report " + id));
        model.addAttribute("individual", individual);
        model.addAttribute("report", report);
        model.addAttribute("stages", BAR);
        return "portal/individual-settlement";
    }
}
