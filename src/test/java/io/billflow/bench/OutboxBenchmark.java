package io.billflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.billflow.BillflowSpringTest;
import io.billflow.notification.api.MailOutbox;
import io.billflow.notification.api.OutgoingMail;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outbox throughput: 2,000 Korean HTML e-mails queued in one transaction, delivered by the worker
 * through GreenMail (real SMTP on loopback). Run with {@code ./mvnw verify -Pbenchmark}.
 */
@Tag("benchmark")
@BillflowSpringTest
class OutboxBenchmark {

    static final int MESSAGES = 2_000;

    @Autowired
    MailOutbox outbox;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void messagesPerSecondThroughGreenMail() throws Exception {
        String run = "bench-" + System.nanoTime();
        String html = "<p>(주)한빛광고 담당자님, 안녕하세요.</p><p>세금계산서 발행 요청이 도착했습니다. 공급가액 1,500,000원, 세액 150,000원.</p>";
        long start = System.nanoTime();
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < MESSAGES; i++) {
                outbox.enqueue(run + ":" + i, "INVOICE_ISSUE_REQUESTED", OutgoingMail.of("partner" + (i % 50) + "@bench.kr",
                        "[billflow] 세금계산서 발행 요청 " + i, "세금계산서 발행 요청이 도착했습니다.", html));
            }
        });
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(250)).until(() ->
                jdbc.queryForObject("select count(*) from notification_message where dedup_key like ? and status = 'SENT'",
                        Integer.class, run + ":%") == MESSAGES);
        double seconds = (System.nanoTime() - start) / 1e9;
        String report = String.format("Outbox → SMTP (GreenMail): %d messages in %.1f s = %.0f messages/s%n",
                MESSAGES, seconds, MESSAGES / seconds);
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "outbox.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertThat(seconds).isPositive();
    }
}
