package io.billflow.portal.adapter.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import io.billflow.certificate.api.CertificateRejection;
import io.billflow.certificate.api.SupplierCertificates;
import io.billflow.partner.api.PartnerSnapshot;
import io.billflow.portal.application.PortalAccess;
import io.billflow.portal.application.SupplierPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supplier portal's pages: open the e-mailed link, prove the business number, see and register
 * the joint certificate. (Approving and rejecting invoices join with the reverse-issuance process.) An
 * individual's link goes on to the code to its group's mobile ({@link PortalIndividualAccessController}).
 */
@Controller
class PortalPageController {

    private final PortalAccess access;
    private final SupplierCertificates certificates;
    private final PortalSessions sessions;

    public PortalPageController(PortalAccess access, SupplierCertificates certificates, PortalSessions sessions) {
        this.access = access;
        this.certificates = certificates;
        this.sessions = sessions;
    }

    @GetMapping("/portal/access/{token}")
    public String proofForm(@PathVariable String token, Model model) {
        return accessPage(token, model);
    }

    @PostMapping("/portal/access/{token}")
    public String prove(@PathVariable String token, @RequestParam String corpNum, HttpServletRequest request,
                        HttpServletResponse response, Model model) {
        String landing = access.landingFor(token);
        SupplierPrincipal supplier = access.prove(token, corpNum).orElse(null);
        if (supplier == null) {
            model.addAttribute("error", true);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return accessPage(token, model);
        }
        sessions.signIn(supplier, PortalSessions.ROLE_SUPPLIER, request, response);
        return "redirect:" + landing;
    }

    /** The business number form; an individual's link has no business number to type and goes to its code. */
    private String accessPage(String token, Model model) {
        if (access.individualLink(token)) {
            return "redirect:" + PortalIndividualAccessController.signInPath(token);
        }
        PartnerSnapshot partner = access.partnerFor(token).orElse(null);
        model.addAttribute("token", token);
        model.addAttribute("partnerName", partner == null ? null : partner.corpName());
        return "portal/access";
    }

    @GetMapping("/portal")
    public String home(@AuthenticationPrincipal SupplierPrincipal supplier, Model model) {
        List<SupplierCertificates.OwnRegistration> history = certificates.history(supplier.partnerId());
        model.addAttribute("supplier", supplier);
        model.addAttribute("active", history.stream().filter(SupplierCertificates.OwnRegistration::active).findFirst().orElse(null));
        return "portal/home";
    }

    @PostMapping("/portal/certificate")
    public String register(@AuthenticationPrincipal SupplierPrincipal supplier,
                           @RequestParam(value = "signCert", required = false) MultipartFile signCert,
                           @RequestParam(value = "signPri", required = false) MultipartFile signPri,
                           @RequestParam(value = "pfx", required = false) MultipartFile pfx,
                           @RequestParam("password") String password, RedirectAttributes redirect) throws IOException {
        char[] secret = password.toCharArray();
        try {
            certificates.register(supplier.partnerId(), PortalUploads.bytes(signCert),
                    PortalUploads.bytes(signPri), PortalUploads.bytes(pfx), secret, supplier.actor());
            redirect.addFlashAttribute("message", "공동인증서가 등록되었습니다. / The certificate is registered.");
        } catch (CertificateRejection rejection) {
            redirect.addFlashAttribute("error", rejection.messageKo() + " / " + rejection.messageEn());
        } catch (io.billflow.platform.web.InvalidInputException missing) {
            redirect.addFlashAttribute("error", "signCert.der와 signPri.key 두 파일, 또는 .pfx 파일을 선택해 주세요. "
                    + "/ Choose signCert.der and signPri.key, or a .pfx file.");
        } finally {
            Arrays.fill(secret, '\0');
        }
        return "redirect:/portal";
    }
}
