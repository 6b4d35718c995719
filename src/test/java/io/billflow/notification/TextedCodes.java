package io.billflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.billflow.notification.text.TextMessage;
import io.billflow.notification.text.TextMessagingSimulator;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A one-time code as its owner reads it: on the phone (the text simulator's record of what the carrier
 * delivered). The outbox forgets the text once it is sent, so tests cannot read it there.
 */
public final class TextedCodes {

    static final Pattern CODE_IN_TEXT = Pattern.compile("인증번호 (\\d{6}) ");

    private TextedCodes() {
    }

    /** The code in the newest outbox message whose dedup key starts with {@code dedupKeyPrefix}, once delivered. */
    public static String latestCode(JdbcTemplate jdbc, TextMessagingSimulator phone, String dedupKeyPrefix) {
        String dedupKey = jdbc.queryForObject("select dedup_key from notification_message where dedup_key like ? "
                + "order by id desc limit 1", String.class, dedupKeyPrefix + "%");
        TextMessage received = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> phone.messages().stream().map(TextMessagingSimulator.SimulatedText::message)
                        .filter(m -> m.idempotencyKey().equals(dedupKey)).findFirst(), Optional::isPresent)
                .orElseThrow();
        Matcher code = CODE_IN_TEXT.matcher(received.text());
        assertThat(code.find()).as(received.text()).isTrue();
        return code.group(1);
    }
}
