package io.billflow.platform.web;

import java.security.Principal;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page ({@code /}) and the staff login page ({@code /login}). */
@Controller
class LandingController {

    private final List<DemoAccounts.Account> demoAccounts;
    private final boolean devMail;
    private final String adminUser;
    private final String webapp;

    public LandingController(ObjectProvider<DemoAccounts> demoAccounts,
                             @Value("${billflow.dev-mail.enabled:false}") boolean devMail,
                             @Value("${camunda.bpm.admin-user.id:admin}") String adminUser,
                             @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapp) {
        DemoAccounts demo = demoAccounts.getIfAvailable();
        this.demoAccounts = demo == null ? List.of() : List.copyOf(demo.accounts());
        this.devMail = devMail;
        this.adminUser = adminUser;
        this.webapp = webapp;
    }

    @GetMapping("/")
    public String landing(Model model, Principal principal) {
        model.addAttribute("user", principal == null ? null : principal.getName());
        model.addAttribute("webapp", webapp);
        model.addAttribute("devMail", devMail);
        addDemoUsers(model);
        return "landing";
    }

    @GetMapping("/login")
    public String login(Model model) {
        addDemoUsers(model);
        return "login";
    }

    private void addDemoUsers(Model model) {
        model.addAttribute("demoUsers", demoAccounts);
        model.addAttribute("adminUser", demoAccounts.isEmpty() ? null : adminUser);
    }
}
