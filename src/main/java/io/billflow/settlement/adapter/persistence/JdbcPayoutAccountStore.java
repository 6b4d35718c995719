package io.billflow.settlement.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.billflow.settlement.application.port.PayoutAccountStore;
import io.billflow.settlement.domain.PayoutAccount;
import io.billflow.settlement.domain.PayoutAccountChangeRequest;
import io.billflow.settlement.domain.SealedValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Payout accounts and their change requests; plain SQL because neither is an aggregate of its own. */
@Repository
class JdbcPayoutAccountStore implements PayoutAccountStore {

    private final JdbcTemplate jdbc;

    JdbcPayoutAccountStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PayoutAccount> current(long groupId) {
        return jdbc.query("select * from settlement_payout_account where group_id = ? and replaced_at is null",
                JdbcPayoutAccountStore::account, groupId).stream().findFirst();
    }

    /** Makes {@code account} the group's current one; the previous one stays as history. */
    @Override
    public void replaceCurrent(PayoutAccount account, Instant at) {
        jdbc.update("update settlement_payout_account set replaced_at = ? where group_id = ? and replaced_at is null",
                Timestamp.from(at), account.groupId());
        SealedValue s = account.sealedAccount();
        jdbc.update("""
                insert into settlement_payout_account (id, group_id, bank_code, account_masked, holder_name,
                    account_ciphertext, account_iv, wrapped_dek, dek_iv, kek_id, registered_at, registered_by,
                    change_request_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", account.id(), account.groupId(), account.bankCode(),
                account.maskedAccount(), account.holderName(), s.ciphertext(), s.iv(), s.wrappedDek(), s.dekIv(),
                s.kekId(), Timestamp.from(account.registeredAt()), account.registeredBy(), account.changeRequestId());
    }

    /** Every stored account (current and history) whose data key is not wrapped by {@code kekId}. */
    @Override
    public List<PayoutAccount> notWrappedBy(String kekId) {
        return jdbc.query("select * from settlement_payout_account where kek_id <> ? for update",
                JdbcPayoutAccountStore::account, kekId);
    }

    @Override
    public void replaceWrapping(UUID accountId, SealedValue rewrapped) {
        jdbc.update("update settlement_payout_account set wrapped_dek = ?, dek_iv = ?, kek_id = ? where id = ?",
                rewrapped.wrappedDek(), rewrapped.dekIv(), rewrapped.kekId(), accountId);
    }

    @Override
    public void insert(PayoutAccountChangeRequest r) {
        SealedValue s = r.sealedAccount();
        jdbc.update("""
                insert into settlement_payout_change_request (id, group_id, bank_code, account_masked, holder_name,
                    account_ciphertext, account_iv, wrapped_dek, dek_iv, kek_id, code_id, requested_at, requested_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", r.id(), r.groupId(), r.bankCode(), r.maskedAccount(),
                r.holderName(), s.ciphertext(), s.iv(), s.wrappedDek(), s.dekIv(), s.kekId(), r.codeId(),
                Timestamp.from(r.requestedAt()), r.requestedBy());
    }

    /** The request as stored; its code's state is the one-time code's. */
    @Override
    public Optional<PayoutAccountChangeRequest> changeRequest(UUID id) {
        return jdbc.query("select * from settlement_payout_change_request where id = ?", JdbcPayoutAccountStore::request, id)
                .stream().findFirst();
    }

    private static PayoutAccount account(ResultSet rs, int row) throws SQLException {
        return new PayoutAccount(rs.getObject("id", UUID.class), rs.getLong("group_id"), rs.getString("bank_code"),
                rs.getString("account_masked"), rs.getString("holder_name"), sealed(rs),
                rs.getTimestamp("registered_at").toInstant(), rs.getString("registered_by"),
                rs.getObject("change_request_id", UUID.class));
    }

    private static PayoutAccountChangeRequest request(ResultSet rs, int row) throws SQLException {
        return new PayoutAccountChangeRequest(rs.getObject("id", UUID.class), rs.getLong("group_id"),
                rs.getString("bank_code"), rs.getString("account_masked"), rs.getString("holder_name"), sealed(rs),
                rs.getObject("code_id", UUID.class), rs.getTimestamp("requested_at").toInstant(),
                rs.getString("requested_by"), null);
    }

    private static SealedValue sealed(ResultSet rs) throws SQLException {
        return new SealedValue(rs.getBytes("account_ciphertext"), rs.getBytes("account_iv"), rs.getBytes("wrapped_dek"),
                rs.getBytes("dek_iv"), rs.getString("kek_id"));
    }
}
