package io.billflow.certificate.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.billflow.notification.api.NotificationEvent;
import io.billflow.notification.api.Notifications;
import io.billflow.notification.api.Recipient;
import io.billflow.partner.api.PartnerDirectory;
import io.billflow.partner.api.PartnerSnapshot;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells a partner its registration ends in 30, 7 and 1 days (each once), through the mail outbox, so
 * it renews before an approval fails. Runs every morning at 09:00 KST; on several nodes the unique
 * (registration, days) row makes sure each reminder goes out once.
 */
@Component
public class CertificateExpiryReminders {

    static final int[] DAYS_BEFORE = {30, 7, 1};

    private final CertificateRegistry registry;
    private final PartnerDirectory partners;
    private final Notifications notifications;
    private final String baseUrl;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public CertificateExpiryReminders(CertificateRegistry registry, PartnerDirectory partners, Notifications notifications,
                                      JdbcTemplate jdbc, Clock clock,
                                      @org.springframework.beans.factory.annotation.Value("${billflow.base-url}") String baseUrl) {
        this.registry = registry;
        this.partners = partners;
        this.notifications = notifications;
        this.baseUrl = baseUrl;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(cron = "0 0 9 * * *", zone = "Asia/Seoul")
    public void daily() {
        remind();
    }

    /** Sends the reminders due now; returns how many. */
    @Transactional
    public int remind() {
        Instant now = clock.instant();
        int sent = 0;
        for (CertificateRegistry.Registration registration : registry.activeExpiringBefore(now.plus(Duration.ofDays(30)))) {
            long daysLeft = Math.max(0, Duration.between(now, registration.expiresAt()).toDays());
            Integer due = dueReminder(daysLeft);
            if (due == null || registration.expiresAt().isBefore(now)) {
                continue;
            }
            int inserted = jdbc.update("insert into certificate_expiry_reminder (registration_id, days_before) values (?, ?) "
                    + "on conflict do nothing", registration.id(), due);
            if (inserted == 1) {
                PartnerSnapshot partner = partners.partner(registration.partnerId()).orElseThrow();
                notifications.publish(NotificationEvent.CERTIFICATE_EXPIRING, "certificate-expiring:" + registration.id()
                        + ":" + due, List.of(Recipient.partner(partner.id(), partner.corpName(), partner.contactEmail(),
                                partner.extraEmails(), partner.contactMobile())),
                        Map.of("corpName", partner.corpName(), "daysLeft", (int) Math.max(0, Duration.between(now,
                                        registration.expiresAt()).toDays()),
                                "expiresOn", registration.expiresAt().atZone(ZoneId.of("Asia/Seoul")).toLocalDate(),
                                "serialNumber", registration.serialNumber(), "link", baseUrl + "/portal"));
                sent++;
            }
        }
        return sent;
    }

    /** The smallest reminder threshold not yet passed: 30 for 8–30 days left, 7 for 2–7, 1 for the last day. */
    static Integer dueReminder(long daysLeft) {
        Integer due = null;
        for (int days : DAYS_BEFORE) {
            if (daysLeft < days) {
                due = days;
            }
        }
        return due;
    }
}
