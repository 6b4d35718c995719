package io.billflow.partner.domain;

import java.time.Instant;

/** A staff change of a partner's {@link ContactChannels} that takes effect at {@code effectiveAt} unless cancelled. */
public record HeldContactChange(long id, long partnerId, ContactChannels channels, String requestedBy,
                                Instant requestedAt, Instant effectiveAt) {
}
