package io.billflow.settlement.domain;

import java.time.Instant;

/** A change of a group's verification mobile that takes effect at {@code effectiveAt} unless cancelled. */
public record HeldMobileChange(long id, long groupId, String mobile, String requestedBy, Instant requestedAt,
                               Instant effectiveAt) {
}
