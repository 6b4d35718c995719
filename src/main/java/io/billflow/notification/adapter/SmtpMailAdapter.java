package io.billflow.notification.adapter;

import java.nio.charset.StandardCharsets;

import io.billflow.notification.api.MailPort;
import io.billflow.notification.api.OutgoingMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** {@link MailPort} over SMTP with jakarta.mail (Spring's {@link JavaMailSender}), UTF-8 multipart. */
@Component
public class SmtpMailAdapter implements MailPort {

    private final JavaMailSender mailSender;
    private final String from;

    public SmtpMailAdapter(JavaMailSender mailSender, @Value("${billflow.mail.from}") String from) {
        this.mailSender = mailSender;
        this.from = from;
    }

    /** A message whose Message-ID survives {@code saveChanges()} when the caller fixed one. */
    private MimeMessage newMessage(String messageId) {
        if (messageId == null || !(mailSender instanceof JavaMailSenderImpl impl)) {
            return mailSender.createMimeMessage();
        }
        return new MimeMessage(impl.getSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
    }

    @Override
    public void send(OutgoingMail mail) {
        try {
            MimeMessage message = newMessage(mail.messageId());
            boolean multipart = mail.htmlBody() != null || !mail.attachments().isEmpty();
            MimeMessageHelper helper = new MimeMessageHelper(message, multipart, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(mail.to().toArray(String[]::new));
            helper.setSubject(mail.subject());
            if (mail.htmlBody() != null) {
                helper.setText(mail.textBody(), mail.htmlBody());
            } else {
                helper.setText(mail.textBody(), false);
            }
            for (OutgoingMail.Attachment attachment : mail.attachments()) {
                helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
                        attachment.contentType());
            }
            mailSender.send(message);
        } catch (MessagingException | MailException e) {
            throw new MailDeliveryException("Mail to " + mail.to() + " was not accepted: " + e.getMessage(), e);
        }
    }
}
