package io.billflow.settlement.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.billflow.settlement.domain.PayoutAccount;
import io.billflow.settlement.domain.PayoutAccountChangeRequest;
import io.billflow.settlement.domain.SealedValue;

/**
 * Payout accounts (current and history) and their change requests (tables {@code settlement_payout_account},
 * {@code settlement_payout_change_request}).
 */
public interface PayoutAccountStore {

    Optional<PayoutAccount> current(long groupId);

    /** Makes {@code account} the group's current one; the previous one stays as history. */
    void replaceCurrent(PayoutAccount account, Instant at);

    /** Every stored account (current and history) whose data key is not wrapped by {@code kekId}. */
    List<PayoutAccount> notWrappedBy(String kekId);

    void replaceWrapping(UUID accountId, SealedValue rewrapped);

    void insert(PayoutAccountChangeRequest r);

    /** The request as stored, without its code's state (that is the one-time code's). */
    Optional<PayoutAccountChangeRequest> changeRequest(UUID id);
}
