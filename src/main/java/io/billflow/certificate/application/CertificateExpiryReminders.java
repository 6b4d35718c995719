package io.billflow.certificate.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.billflow.notification.api.MailOutbox;
import io.billflow.notification.api.OutgoingMail;
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

    public static final String EVENT = "CERTIFICATE_EXPIRING";
    static final int[] DAYS_BEFORE = {30, 7, 1};
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy년 M월 d일");

    private final CertificateRegistry registry;
    private final PartnerDirectory partners;
    private final MailOutbox outbox;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public CertificateExpiryReminders(CertificateRegistry registry, PartnerDirectory partners, MailOutbox outbox,
                                      JdbcTemplate jdbc, Clock clock) {
        this.registry = registry;
        this.partners = partners;
        this.outbox = outbox;
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
                outbox.enqueue("certificate-expiring:" + registration.id() + ":" + due, EVENT, mail(partner, registration, due));
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

    private OutgoingMail mail(PartnerSnapshot partner, CertificateRegistry.Registration registration, int days) {
        String until = DATE.format(registration.expiresAt().atZone(ZoneId.of("Asia/Seoul")));
        String subject = "[billflow] 공동인증서 등록 만료 " + days + "일 전 안내 – " + partner.corpName();
        String text = """
                %s 담당자님, 안녕하세요.

                billflow에 등록하신 공동인증서의 등록이 %s에 만료됩니다 (%d일 남음).
                만료 후에는 역발행 세금계산서를 승인(서명)하실 수 없으니, 갱신한 인증서를 미리 다시 등록해 주세요.

                - 인증서 일련번호: %s
                - 발급기관: %s
                """.formatted(partner.corpName(), until, days, registration.serialNumber(), registration.issuerDn());
        List<String> to = new ArrayList<>();
        to.add(partner.contactEmail());
        to.addAll(partner.extraEmails());
        return new OutgoingMail(to, subject, text, null, List.of(), null);
    }
}
