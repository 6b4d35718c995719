package io.billflow.partner.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.billflow.partner.domain.ContactChannels;
import io.billflow.partner.domain.HeldContactChange;

/** The held contact changes of partners (table {@code partner_contact_change}). */
public interface ContactChangeStore {

    Optional<HeldContactChange> held(long partnerId);

    /** Locks the partner's held change, if any, until the end of the transaction. */
    Optional<HeldContactChange> heldForUpdate(long partnerId);

    HeldContactChange hold(long partnerId, ContactChannels channels, String requestedBy, Instant requestedAt,
                           Instant effectiveAt);

    /** Ends a held change: {@code APPLIED}, {@code CANCELLED} or {@code SUPERSEDED}. */
    void end(long changeId, String state, String endedBy, Instant endedAt);

    /** Held changes due at {@code now}, locked, skipping those another node is applying. */
    List<HeldContactChange> dueForUpdate(Instant now, int limit);
}
