package io.billflow.settlement.adapter.metrics;

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
 * Payouts not yet paid, per status (FAILED and ON_HOLD are operations' work; TRANSFERRING for long means a bank
 * answer never came), with their amounts in won, so an alert can say how much money is waiting.
 */
@Component
class SettlementMetrics implements MeterBinder {

    static final List<String> UNPAID = List.of("SCHEDULED", "APPROVED", "HOLDER_VERIFIED", "TRANSFERRING", "FAILED",
            "ON_HOLD");

    private final SampledCounts payouts;

    public SettlementMetrics(JdbcTemplate jdbc, MetricsProperties properties, Clock clock) {
        this.payouts = new SampledCounts(properties.sampleTtl(), clock, () -> {
            Map<String, Long> byStatus = new HashMap<>();
            jdbc.query("select status, count(*), coalesce(sum(payout_amount), 0) from settlement_payout "
                    + "where status <> 'PAID' group by status", rs -> {
                        byStatus.put(rs.getString(1), rs.getLong(2));
                        byStatus.put(rs.getString(1) + "/won", rs.getLong(3));
                    });
            return byStatus;
        });
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String status : UNPAID) {
            payouts.gauge(registry, "billflow.payouts", "Settlement payouts not yet paid", status,
                    Tags.of("status", status));
            payouts.gauge(registry, "billflow.payouts.amount.won", "Won in settlement payouts not yet paid",
                    status + "/won", Tags.of("status", status));
        }
    }
}
