package io.billflow.portal.adapter.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.billflow.platform.web.ConflictException;
import io.billflow.platform.web.InvalidInputException;
import io.billflow.platform.web.ResourceNotFoundException;
import io.billflow.portal.application.SupplierPrincipal;
import io.billflow.settlement.api.SettlementStage;
import io.billflow.settlement.api.PartnerConfirmationRefusedException;
import io.billflow.settlement.api.PartnerSettlements;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The partner's monthly settlement (Kakao Harmony 크레딧 → 정산리포트): its reports with their stage, and for a
 * published one the company and contact data, the preview of the reverse invoice, the write date and the
 * confirmation with the one-time code ("인증번호 받기", then the code). Another partner's report is a 404.
 */
@Controller
class PortalSettlementController {

    /** The four steps of 정산 진행현황 (on hold and cancelled are said in words, not on the bar). */
    static final List<SettlementStage> BAR = SettlementStage.BUSINESS_BAR;

    private final PartnerSettlements settlements;
    private final Clock clock;

    public PortalSettlementController(PartnerSettlements settlements, Clock clock) {
        this.settlements = settlements;
        this.clock = clock;
    }

    @GetMapping("/portal/settlements")
    public String list(@AuthenticationPrincipal SupplierPrincipal supplier, Model model) {
        model.addAttribute("supplier", supplier);
        model.addAttribute("reports", settlements.reports(supplier.partnerId()));
        return "portal/settlements";
    }

    @GetMapping("/portal/settlements/{id}")
    public String detail(@AuthenticationPrincipal SupplierPrincipal supplier, @PathVariable long id, Model model) {
        PartnerSettlements.Detail report = settlements.report(supplier.partnerId(), id)
                .orElseThrow(() -> new ResourceNotFoundException("No settlement report " + id));
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("supplier", supplier);
        model.addAttribute("report", report);
        model.addAttribute("today", today);
        model.addAttribute("stages", BAR);
        // what the partner typed survives a refusal (flash attributes); the first visit proposes today
        if (!model.containsAttribute("writeDate")) {
            model.addAttribute("writeDate", today.toString());
        }
        if (!model.containsAttribute("dataChecked")) {
            model.addAttribute("dataChecked", false);
        }
        return "portal/settlement";
    }

    @PostMapping("/portal/settlements/{id}/code")
    public String requestCode(@AuthenticationPrincipal SupplierPrincipal supplier, @PathVariable long id,
                              @RequestParam(defaultValue = "false") boolean dataChecked,
                              @RequestParam(defaultValue = "") String writeDate, RedirectAttributes redirect) {
        keep(redirect, dataChecked, writeDate);
        try {
            PartnerSettlements.CodeSent sent = settlements.sendConfirmationCode(supplier.partnerId(), id, dataChecked,
                    parse(writeDate), supplier.actor());
            redirect.addFlashAttribute("message", "인증번호를 " + sent.sentTo() + "(으)로 보냈습니다. "
                    + "5분 안에 입력해 주세요.");
        } catch (PartnerConfirmationRefusedException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/portal/settlements/" + id;
    }

    @PostMapping("/portal/settlements/{id}/confirm")
    public String confirm(@AuthenticationPrincipal SupplierPrincipal supplier, @PathVariable long id,
                          @RequestParam(defaultValue = "false") boolean dataChecked,
                          @RequestParam(defaultValue = "") String writeDate,
                          @RequestParam(defaultValue = "") String code, RedirectAttributes redirect) {
        keep(redirect, dataChecked, writeDate);
        try {
            settlements.confirm(supplier.partnerId(), id, dataChecked, parse(writeDate), code, supplier.actor());
            redirect.addFlashAttribute("message", "세금계산서 역발행을 신청했습니다. 역발행 세금계산서가 준비되면 "
                    + "내용을 확인하고 서명(승인)해 주세요.");
        } catch (PartnerConfirmationRefusedException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        } catch (InvalidInputException invalid) {
            // the final check of the write date (e.g. the date changed at midnight since the page was opened)
            redirect.addFlashAttribute("error", "작성일자를 확인해 주세요: " + invalid.violations().get(0).message());
        } catch (ConflictException conflict) {
            redirect.addFlashAttribute("error", "이 정산리포트는 지금 역발행을 신청할 수 없습니다.");
        }
        return "redirect:/portal/settlements/" + id;
    }

    private static void keep(RedirectAttributes redirect, boolean dataChecked, String writeDate) {
        redirect.addFlashAttribute("dataChecked", dataChecked);
        redirect.addFlashAttribute("writeDate", writeDate);
    }

    private static LocalDate parse(String writeDate) {
        if (writeDate == null || writeDate.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(writeDate.strip());
        } catch (DateTimeParseException e) {
            throw new PartnerConfirmationRefusedException(PartnerConfirmationRefusedException.Reason.WRITE_DATE,
                    "작성일자를 2026-10-31처럼 연-월-일로 입력해 주세요.");
        }
    }
}
