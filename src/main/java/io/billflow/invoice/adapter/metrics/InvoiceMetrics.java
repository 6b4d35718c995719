package io.billflow.invoice.adapter.metrics;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.billflow.invoice.api.InvoiceState;
import io.billflow.platform.metrics.MetricsProperties;
import io.billflow.platform.metrics.SampledCounts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Invoices still on their way, per state: waiting for the supplier (REQUESTED), issued and not yet at NTS
 * (ISSUED … TRANSMITTING; should drop to 0 after the 03:00 batch), and TRANSMISSION_FAILED (operations' work).
 */
@Component
class InvoiceMetrics implements MeterBinder {

    static final List<InvoiceState> IN_FLIGHT = List.of(InvoiceState.REQUESTED, InvoiceState.ISSUED,
            InvoiceState.BEFORE_TRANSMISSION, InvoiceState.QUEUED, InvoiceState.TRANSMITTING,
            InvoiceState.TRANSMISSION_FAILED);

    private final SampledCounts counts;

    public InvoiceMetrics(JdbcTemplate jdbc, MetricsProperties properties, Clock clock) {
        Integer[] codes = IN_FLIGHT.stream().map(InvoiceState::code).toArray(Integer[]::new);
        this.counts = new SampledCounts(properties.sampleTtl(), clock, () -> {
            Map<String, Long> byState = new HashMap<>();
            jdbc.query(con -> {
                var statement = con.prepareStatement("select state_code, count(*) from tax_invoice "
                        + "where deleted_at is null and state_code = any(?) group by state_code");
                statement.setArray(1, con.createArrayOf("integer", codes));
                return statement;
            }, rs -> { byState.put(InvoiceState.of(rs.getInt(1)).name(), rs.getLong(2)); });
            return byState;
        });
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (InvoiceState state : IN_FLIGHT) {
            counts.gauge(registry, "billflow.invoices", "Tax invoices not yet at their end: waiting for the supplier, "
                    + "to be transmitted, or failed at NTS", state.name(), Tags.of("state", state.name()));
        }
    }
}
