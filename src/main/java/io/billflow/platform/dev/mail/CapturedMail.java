package io.billflow.platform.dev.mail;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** A captured mail, flattened for display: headers, both bodies, attachment names, and every link. */
public record CapturedMail(int index, String subject, String from, List<String> to, Instant receivedAt,
                           String text, String html, List<String> attachments, List<String> links) {

    private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>)]+");

    static CapturedMail of(int index, MimeMessage message) {
        try {
            Bodies bodies = new Bodies();
            bodies.collect(message);
            Set<String> links = new LinkedHashSet<>();
            for (String body : Arrays.asList(bodies.text, bodies.html)) {
                if (body != null) {
                    Matcher matcher = URL.matcher(body);
                    while (matcher.find()) {
                        links.add(matcher.group().replace("&amp;", "&"));
                    }
                }
            }
            Instant received = message.getReceivedDate() != null ? message.getReceivedDate().toInstant()
                    : message.getSentDate() != null ? message.getSentDate().toInstant() : null;
            return new CapturedMail(index, message.getSubject(), addresses(message.getFrom()).stream().findFirst()
                    .orElse(""), addresses(message.getRecipients(Message.RecipientType.TO)), received,
                    bodies.text, bodies.html, bodies.attachments, List.copyOf(links));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Captured mail " + index + " cannot be read", e);
        }
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
    }

    private static final class Bodies {
        String text;
        String html;
        final List<String> attachments = new ArrayList<>();

        void collect(Part part) throws MessagingException, IOException {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
                attachments.add(part.getFileName());
            } else if (part.isMimeType("text/plain") && text == null) {
                text = (String) part.getContent();
            } else if (part.isMimeType("text/html") && html == null) {
                html = (String) part.getContent();
            } else if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child);
                }
            }
        }
    }
}
