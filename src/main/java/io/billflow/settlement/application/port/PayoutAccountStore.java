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

    Optional<PayoutAccountChangeRequest> changeRequest(UUID id);

    /** Locks the request row: parallel confirmations are counted one after another, never past the limit. */
    Optional<PayoutAccountChangeRequest> changeRequestForUpdate(UUID id);

    List<PayoutAccountChangeRequest> pendingForUpdate(long groupId);

    /** Saves what an attempt or a supersession changed. */
    void update(PayoutAccountChangeRequest r);
}
