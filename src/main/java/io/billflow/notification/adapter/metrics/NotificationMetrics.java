package io.billflow.notification.adapter.metrics;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.billflow.platform.metrics.MetricsProperties;
import io.billflow.platform.metrics.SampledCounts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The outbox as operations watch it in Prometheus: messages waiting or failed per channel, texts still waiting
 * for their delivery report, and how long the oldest due message has waited (a growing age means a stuck sender,
 * e.g. the mail server down). Sent and cancelled messages are history, not a gauge.
 */
@Component
class NotificationMetrics implements MeterBinder {

    static final List<String> CHANNELS = List.of("EMAIL", "SMS", "LMS", "ALIMTALK");
    static final List<String> OPEN_STATUSES = List.of("PENDING", "SENDING", "FAILED");
    static final List<String> TEXT_CHANNELS = List.of("SMS", "LMS", "ALIMTALK");

    private final SampledCounts open;
    private final SampledCounts waiting;

    public NotificationMetrics(JdbcTemplate jdbc, MetricsProperties properties, Clock clock) {
        this.open = new SampledCounts(properties.sampleTtl(), clock, () -> {
            Map<String, Long> counts = new HashMap<>();
            jdbc.query("select channel, status, count(*) from notification_message "
                    + "where status in ('PENDING', 'SENDING', 'FAILED') group by channel, status",
                    rs -> { counts.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3)); });
            return counts;
        });
        this.waiting = new SampledCounts(properties.sampleTtl(), clock, () -> {
            Map<String, Long> counts = new HashMap<>();
            jdbc.query("select delivery_channel, count(*) from notification_message where delivery_status = 'ACCEPTED' "
                    + "group by delivery_channel", rs -> { counts.put(rs.getString(1), rs.getLong(2)); });
            Timestamp oldest = jdbc.queryForObject("select min(next_attempt_at) from notification_message "
                    + "where status = 'PENDING' and next_attempt_at <= ?", Timestamp.class, Timestamp.from(clock.instant()));
            counts.put("oldestDueSeconds", oldest == null ? 0L
                    : Math.max(0L, (clock.millis() - oldest.getTime()) / 1000));
            return counts;
        });
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String channel : CHANNELS) {
            for (String status : OPEN_STATUSES) {
                open.gauge(registry, "billflow.notifications", "Outbox messages waiting, being sent or failed "
                        + "(FAILED = waiting for operations)", channel + "/" + status,
                        Tags.of("channel", channel, "status", status));
            }
        }
        for (String channel : TEXT_CHANNELS) {
            waiting.gauge(registry, "billflow.notifications.awaiting.report", "Texts the provider accepted whose "
                    + "delivery report has not come yet", channel, Tags.of("channel", channel));
        }
        waiting.gauge(registry, "billflow.notifications.oldest.due.seconds", "How long the oldest due outbox "
                + "message has been waiting to go out (0 = none)", "oldestDueSeconds", Tags.empty());
    }
}
