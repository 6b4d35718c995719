package io.billflow.platform.dev.mail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import io.billflow.platform.web.ResourceNotFoundException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * {@code /dev/mailbox}: every mail the local run sent, newest first, each readable with its links
 * clickable, so a newcomer can follow a supplier's e-mail link to the portal. Staff only, local only.
 */
@Controller
@Profile("local")
@ConditionalOnProperty(prefix = "billflow.dev-mail", name = "enabled", havingValue = "true")
@RequestMapping("/dev/mailbox")
class MailboxController {

    private final GreenMail greenMail;

    public MailboxController(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    @GetMapping
    public String list(Model model) {
        List<CapturedMail> mails = new ArrayList<>(captured());
        mails.sort(Comparator.comparingInt(CapturedMail::index).reversed());
        model.addAttribute("mails", mails);
        return "dev/mailbox";
    }

    @GetMapping("/{index}")
    public String show(@PathVariable int index, Model model) {
        List<CapturedMail> mails = captured();
        if (index < 0 || index >= mails.size()) {
            throw new ResourceNotFoundException("No captured mail #" + index);
        }
        model.addAttribute("mail", mails.get(index));
        return "dev/mail";
    }

    @PostMapping("/clear")
    public String clear() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
        return "redirect:/dev/mailbox";
    }

    private List<CapturedMail> captured() {
        MimeMessage[] messages = greenMail.getReceivedMessages();
        List<CapturedMail> mails = new ArrayList<>(messages.length);
        for (int i = 0; i < messages.length; i++) {
            mails.add(CapturedMail.of(i, messages[i]));
        }
        return mails;
    }
}
