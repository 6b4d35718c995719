package io.billflow.portal.adapter.web;

import java.util.List;

import io.billflow.certificate.api.CertificatePasswordException;
import io.billflow.certificate.api.InvoiceSigning;
import io.billflow.certificate.api.NoValidCertificateException;
import io.billflow.invoice.api.ApprovalOutcome;
import io.billflow.invoice.api.InvoiceStateException;
import io.billflow.invoice.api.SupplierInvoiceView;
import io.billflow.invoice.api.SupplierInvoices;
import io.billflow.platform.web.InvalidInputException;
import io.billflow.portal.application.SupplierPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The supplier's invoices: what waits for its decision, each invoice, approve / reject / cancel the issue. */
@Controller
class PortalInvoiceController {

    private final SupplierInvoices invoices;
    private final InvoiceSigning signing;
    private final java.time.Clock clock;

    public PortalInvoiceController(SupplierInvoices invoices, InvoiceSigning signing, java.time.Clock clock) {
        this.invoices = invoices;
        this.signing = signing;
        this.clock = clock;
    }

    @GetMapping("/portal/invoices")
    public String list(@AuthenticationPrincipal SupplierPrincipal supplier, Model model) {
        model.addAttribute("supplier", supplier);
        model.addAttribute("pending", invoices.awaitingDecision(supplier.partnerId()));
        model.addAttribute("issued", invoices.issued(supplier.partnerId()));
        return "portal/invoices";
    }

    @GetMapping("/portal/invoices/{id}")
    public String detail(@AuthenticationPrincipal SupplierPrincipal supplier, @PathVariable long id, Model model) {
        SupplierInvoiceView invoice = invoices.invoice(supplier.partnerId(), id);
        model.addAttribute("supplier", supplier);
        model.addAttribute("invoice", invoice);
        model.addAttribute("requested", invoice.requested());
        model.addAttribute("cancellable", invoice.cancellable());
        model.addAttribute("late", java.time.LocalDate.now(clock).isAfter(invoice.issuanceDeadline()));
        model.addAttribute("hasCertificate", signing.hasValidCertificate(supplier.partnerId()));
        return "portal/invoice";
    }

    @PostMapping("/portal/invoices/{id}/approve")
    public String approve(@AuthenticationPrincipal SupplierPrincipal supplier, @PathVariable long id,
                          @RequestParam(defaultValue = "false") boolean lateIssueConfirmed,
                          @RequestParam(defaultValue = "") String certificatePassword, RedirectAttributes redirect) {
        return act(redirect, "redirect:/portal/invoices/" + id, "승인되어 전자세금계산서가 발급되었습니다. / Approved and issued.",
                () -> invoices.approve(supplier.partnerId(), id, lateIssueConfirmed, certificatePassword.toCharArray(),
                        supplier.actor()));
    }

    /** Several requests approved with one password (the list's "선택 승인"); each invoice says how it went. */
    @PostMapping("/portal/invoices/approve")
    public String approveSelected(@AuthenticationPrincipal SupplierPrincipal supplier,
                                  @RequestParam(name = "invoiceIds", required = false) List<Long> invoiceIds,
                                  @RequestParam(defaultValue = "false") boolean lateIssueConfirmed,
                                  @RequestParam(defaultValue = "") String certificatePassword,
                                  RedirectAttributes redirect) {
        return act(redirect, "redirect:/portal/invoices", null, () -> {
            List<ApprovalOutcome> outcomes = invoices.approveAll(supplier.partnerId(), invoiceIds,
                    lateIssueConfirmed, certificatePassword.toCharArray(), supplier.actor());
            long issued = outcomes.stream().filter(ApprovalOutcome::issued).count();
            redirect.addFlashAttribute("message", issued + "건 승인되어 발급되었습니다"
                    + (issued < outcomes.size() ? ", " + (outcomes.size() - issued) + "건은 발급하지 못했습니다." : "."));
            redirect.addFlashAttribute("outcomes", outcomes);
        });
    }

    @PostMapping("/portal/invoices/{id}/reject")
    public String reject(@AuthenticationPrincipal SupplierPrincipal supplier, @PathVariable long id,
                         @RequestParam(defaultValue = "") String reason,
                         @RequestParam(defaultValue = "") String certificatePassword, RedirectAttributes redirect) {
        return act(redirect, "redirect:/portal/invoices/" + id, "거부했습니다. 공급받는자에게 사유가 전달됩니다. / Rejected.",
                () -> invoices.refuse(supplier.partnerId(), id, reason, certificatePassword.toCharArray(),
                        supplier.actor()));
    }

    @PostMapping("/portal/invoices/{id}/cancel-issue")
    public String cancelIssue(@AuthenticationPrincipal SupplierPrincipal supplier, @PathVariable long id,
                              @RequestParam(defaultValue = "") String memo,
                              @RequestParam(defaultValue = "") String certificatePassword, RedirectAttributes redirect) {
        return act(redirect, "redirect:/portal/invoices/" + id, "발급을 취소했습니다. 국세청으로 전송되지 않습니다. / Issue cancelled.",
                () -> invoices.cancelIssue(supplier.partnerId(), id, memo, certificatePassword.toCharArray(),
                        supplier.actor()));
    }

    private String act(RedirectAttributes redirect, String then, String success, Runnable action) {
        try {
            action.run();
            if (success != null) {
                redirect.addFlashAttribute("message", success);
            }
        } catch (NoValidCertificateException e) {
            redirect.addFlashAttribute("error", "유효한 공동인증서를 먼저 등록해 주세요(예전에 등록한 인증서는 다시 등록해야 합니다). "
                    + "/ Register your joint certificate first.");
        } catch (CertificatePasswordException e) {
            redirect.addFlashAttribute("error", e.messageKo());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", "certificatePassword".equals(e.violations().get(0).field())
                    ? "인증서 비밀번호를 입력해 주세요." : e.violations().get(0).message());
        } catch (InvoiceStateException e) {
            redirect.addFlashAttribute("error", "지금 상태에서는 할 수 없습니다: " + e.getMessage());
        }
        return then;
    }
}
