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
class SmtpMailAdapter implements MailPort {

    private static final String MESSAGE_ID = "Message-ID";

    private final JavaMailSender mailSender;
    private final String from;

    public SmtpMailAdapter(JavaMailSender mailSender, @Value("${billflow.mail.from}") String from) {
        this.mailSender = mailSender;
        this.from = from;
        MailStreamProviderPin.pinIfAbsent();
    }

    /**
     * A message from the sender, so that {@link MimeMessageHelper} reuses the sender's MIME type map (on a
     * plain {@code MimeMessage} it parses {@code mime.types} from the classpath again for every mail), with
     * the caller's Message-ID: {@link JavaMailSenderImpl} keeps a Message-ID set before sending across
     * {@code saveChanges()}.
     */
    private MimeMessage newMessage(String messageId) throws MessagingException {
        MimeMessage message = mailSender.createMimeMessage();
        if (messageId != null) {
            message.setHeader(MESSAGE_ID, messageId);
        }
        return message;
    }

    @Override
    public void send(OutgoingMail mail) {
        MailDeliveryException failure = sendAll(java.util.List.of(mail)).get(0);
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public java.util.Map<Integer, MailDeliveryException> sendAll(java.util.List<OutgoingMail> mails) {
        java.util.Map<Integer, MailDeliveryException> failures = new java.util.HashMap<>();
        java.util.List<MimeMessage> messages = new java.util.ArrayList<>();
        java.util.Map<MimeMessage, Integer> indexes = new java.util.IdentityHashMap<>();
        for (int i = 0; i < mails.size(); i++) {
            try {
                MimeMessage message = toMimeMessage(mails.get(i));
                messages.add(message);
                indexes.put(message, i);
            } catch (MessagingException | MailException e) {
                failures.put(i, new MailDeliveryException("Mail to " + mails.get(i).to() + " cannot be built: "
                        + e.getMessage(), e));
            }
        }
        if (messages.isEmpty()) {
            return failures;
        }
        try {
            mailSender.send(messages.toArray(MimeMessage[]::new));
        } catch (org.springframework.mail.MailSendException e) {
            if (e.getFailedMessages().isEmpty()) {
                messages.forEach(m -> failures.put(indexes.get(m), new MailDeliveryException(
                        "Mail server did not take the message: " + e.getMessage(), e)));
            }
            e.getFailedMessages().forEach((message, cause) -> {
                Integer index = message instanceof MimeMessage mime ? indexes.get(mime) : null;
                if (index != null) {
                    failures.put(index, new MailDeliveryException("Mail to " + mails.get(index).to()
                            + " was not accepted: " + cause.getMessage(), cause));
                }
            });
        } catch (MailException e) {
            messages.forEach(m -> failures.put(indexes.get(m), new MailDeliveryException(
                    "Mail server unavailable: " + e.getMessage(), e)));
        }
        return failures;
    }

    private MimeMessage toMimeMessage(OutgoingMail mail) throws MessagingException {
        {
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
            return message;
        }
    }
}
