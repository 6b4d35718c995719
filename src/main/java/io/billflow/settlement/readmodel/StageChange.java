package io.billflow.settlement.readmodel;

import java.time.Instant;

/** One row of {@code settlement_report_history}: when, who, from which stage to which, and why. */
public record StageChange(long id, Instant occurredAt, String actor, String fromStatus, String fromStage,
                          String toStatus, String toStage, String memo) {
}
