package io.billflow.settlement.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.billflow.settlement.domain.HeldMobileChange;

/** Held changes of settlement groups' verification mobiles (table {@code settlement_verification_mobile_change}). */
public interface MobileChangeStore {

    Optional<HeldMobileChange> held(long groupId);

    Optional<HeldMobileChange> heldForUpdate(long groupId);

    HeldMobileChange hold(long groupId, String mobile, String requestedBy, Instant requestedAt, Instant effectiveAt);

    /** Ends a held change: {@code APPLIED}, {@code CANCELLED} or {@code SUPERSEDED}. */
    void end(long changeId, String state, String endedBy, Instant endedAt);

    /** Held changes due at {@code now}, locked, skipping those another node is applying. */
    List<HeldMobileChange> dueForUpdate(Instant now, int limit);
}
