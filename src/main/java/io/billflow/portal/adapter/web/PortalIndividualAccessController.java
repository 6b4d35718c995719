package io.billflow.portal.adapter.web;

import io.billflow.portal.application.IndividualAccess;
import io.billflow.portal.application.IndividualPrincipal;
import io.billflow.settlement.api.GroupSignInCodes;
import io.billflow.settlement.api.SignInCodeRefusedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An individual's sign-in with the link from its settlement notice: "인증번호 받기" sends a code to the group's
 * verification mobile, the right code opens that group's reports. A business's link finds only the dead-link
 * page here, and sending or checking a code with it is "not found": the code path is not there for it.
 */
@Controller
class PortalIndividualAccessController {

    static final String LANDING = "/portal/individual/settlements";

    private final IndividualAccess access;
    private final PortalSessions sessions;

    public PortalIndividualAccessController(IndividualAccess access, PortalSessions sessions) {
        this.access = access;
        this.sessions = sessions;
    }

    static String signInPath(String token) {
        return "/portal/access/" + token + "/mobile";
    }

    @GetMapping("/portal/access/{token}/mobile")
    public String page(@PathVariable String token, Model model) {
        return signInPage(token, model);
    }

    @PostMapping("/portal/access/{token}/mobile/code")
    public String sendCode(@PathVariable String token, RedirectAttributes redirect) {
        try {
            GroupSignInCodes.PendingCode sent = access.sendCode(token);
            redirect.addFlashAttribute("message", "인증번호를 " + sent.sentTo() + "(으)로 보냈습니다. "
                    + GroupSignInCodes.VALID_MINUTES + "분 안에 입력해 주세요.");
        } catch (SignInCodeRefusedException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:" + signInPath(token);
    }

    @PostMapping("/portal/access/{token}/mobile")
    public String prove(@PathVariable String token, @RequestParam(defaultValue = "") String code,
                        HttpServletRequest request, HttpServletResponse response, Model model) {
        IndividualPrincipal individual;
        try {
            individual = access.prove(token, code);
        } catch (SignInCodeRefusedException refused) {
            model.addAttribute("error", refused.getMessage());
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return signInPage(token, model);
        }
        sessions.signIn(individual, PortalSessions.ROLE_INDIVIDUAL, request, response);
        return "redirect:" + LANDING;
    }

    /** The page of a live individual's link; a dead link (or one just locked) says so, as for businesses. */
    private String signInPage(String token, Model model) {
        IndividualAccess.SignInPage page = access.page(token).orElse(null);
        model.addAttribute("token", token);
        model.addAttribute("page", page);
        return "portal/access-mobile";
    }
}
