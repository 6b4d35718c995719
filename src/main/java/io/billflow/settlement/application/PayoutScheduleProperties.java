package io.billflow.settlement.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code billflow.settlement.payout.*}: when a settlement month is paid.
 *
 * @param dayOfMonth  the payout day (1–31; clamped to short months)
 * @param monthsAfter how many months after the settlement month (≥ 0)
 */
@ConfigurationProperties(prefix = "billflow.settlement.payout")
public record PayoutScheduleProperties(@DefaultValue("15") int dayOfMonth, @DefaultValue("1") int monthsAfter) {

    public PayoutScheduleProperties {
        if (dayOfMonth < 1 || dayOfMonth > 31) {
            throw new IllegalArgumentException("billflow.settlement.payout.day-of-month must be 1–31, was " + dayOfMonth);
        }
        if (monthsAfter < 0 || monthsAfter > 12) {
            throw new IllegalArgumentException("billflow.settlement.payout.months-after must be 0–12, was " + monthsAfter);
        }
    }
}
