package io.billflow.settlement.application;

import static io.billflow.settlement.api.SignInCodeRefusedException.Reason.CODE_EXPIRED;
import static io.billflow.settlement.api.SignInCodeRefusedException.Reason.CODE_FORMAT;
import static io.billflow.settlement.api.SignInCodeRefusedException.Reason.LOCKED;
import static io.billflow.settlement.api.SignInCodeRefusedException.Reason.NO_CODE;
import static io.billflow.settlement.api.SignInCodeRefusedException.Reason.TOO_MANY_CODES;
import static io.billflow.settlement.api.SignInCodeRefusedException.Reason.WRONG_CODE;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.billflow.notification.api.NotificationEvent;
import io.billflow.notification.api.Notifications;
import io.billflow.notification.api.Recipient;
import io.billflow.platform.audit.AuditEntry;
import io.billflow.platform.audit.AuditLog;
import io.billflow.platform.throttle.SendLimits;
import io.billflow.platform.web.ResourceNotFoundException;
import io.billflow.settlement.api.GroupSignInCodes;
import io.billflow.settlement.api.SignInCodeRefusedException;
import io.billflow.settlement.domain.Masking;
import io.billflow.settlement.domain.SettlementGroup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in codes to a group's verification mobile ({@code settlement_sign_in_code}), made and checked by the same
 * {@link VerificationCodes} as the payout account and confirmation codes. Every step runs with the group row
 * locked, so two requests in parallel cannot both spend the challenge's last try.
 */
@Service
class GroupSignInCodeService implements GroupSignInCodes {

    static final Duration VALIDITY = Duration.ofMinutes(VALID_MINUTES);
    static final String PURPOSE = "정산 포털 로그인";

    private final JdbcTemplate jdbc;
    private final SettlementGroupRepository groups;
    private final VerificationCodes codes;
    private final Notifications notifications;
    private final AuditLog audit;
    private final Clock clock;

    private final SendLimits sendLimits;

    public GroupSignInCodeService(JdbcTemplate jdbc, SettlementGroupRepository groups, VerificationCodes codes,
                                  Notifications notifications, AuditLog audit, Clock clock, SendLimits sendLimits) {
        this.sendLimits = sendLimits;
        this.jdbc = jdbc;
        this.groups = groups;
        this.codes = codes;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Target> target(long groupId) {
        return groups.findById(groupId).map(g -> new Target(g.name(), Masking.mobile(g.verificationMobile())));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PendingCode> pending(long groupId, String challenge) {
        int remaining = remainingAttempts(groupId, challenge);
        return jdbc.query("select sent_to, expires_at from settlement_sign_in_code where group_id = ? and challenge = ? "
                        + "and status = 'PENDING' and expires_at > ? order by requested_at desc limit 1",
                (rs, n) -> new PendingCode(rs.getString("sent_to"), rs.getTimestamp("expires_at").toInstant(), remaining),
                groupId, challenge, Timestamp.from(now())).stream().findFirst();
    }

    @Override
    @Transactional
    public PendingCode send(long groupId, String challenge, String actor) {
        SettlementGroup group = groups.findByIdForUpdate(groupId)
                .orElseThrow(() -> new ResourceNotFoundException("No settlement group " + groupId));
        int remaining = remainingAttempts(groupId, challenge);
        if (remaining <= 0) {
            throw locked();
        }
        Instant now = now();
        if (codesSentSince(groupId, now.minus(Duration.ofDays(1))) >= MAX_CODES_PER_DAY) {
            throw new SignInCodeRefusedException(TOO_MANY_CODES, "오늘 이 정산그룹의 인증 휴대폰으로 보낼 수 있는 "
                    + "인증번호를 모두 보냈습니다. 내일 다시 시도하거나 운영팀에 문의해 주세요.");
        }
        sendLimits.beforeCode(group.verificationMobile(), actor);
        jdbc.update("update settlement_sign_in_code set status = 'SUPERSEDED', decided_at = ?, decided_by = ? "
                + "where group_id = ? and challenge = ? and status = 'PENDING'", Timestamp.from(now), actor, groupId,
                challenge);
        UUID id = UUID.randomUUID();
        String code = codes.newCode();
        String sentTo = Masking.mobile(group.verificationMobile());
        Instant expires = now.plus(VALIDITY);
        jdbc.update("insert into settlement_sign_in_code (id, group_id, challenge, code_hash, code_key_id, sent_to, "
                        + "status, requested_at, requested_by, expires_at) values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)",
                id, groupId, challenge, codes.hash(id, code), codes.currentKeyId(), sentTo, Timestamp.from(now), actor,
                Timestamp.from(expires));
        notifications.publish(NotificationEvent.VERIFICATION_CODE, "settlement-sign-in-code:" + groupId + ":" + id,
                List.of(new Recipient("settlement-group:" + groupId + ":verification", group.name(), null, List.of(),
                        group.verificationMobile())),
                Map.of("code", code, "purpose", PURPOSE, "groupName", group.name(), "validMinutes", VALID_MINUTES));
        audit(actor, "SETTLEMENT_SIGN_IN_CODE_SENT", groupId, "code " + id + " for " + challenge + " sent to " + sentTo);
        return new PendingCode(sentTo, expires, remaining);
    }

    @Override
    @Transactional(noRollbackFor = SignInCodeRefusedException.class)
    public void check(long groupId, String challenge, String typedCode, String actor) {
        lockGroup(groupId);
        int remaining = remainingAttempts(groupId, challenge);
        if (remaining <= 0) {
            throw locked();
        }
        String typed = typedCode == null ? "" : typedCode.strip();
        if (!codes.wellFormed(typed)) {
            throw new SignInCodeRefusedException(CODE_FORMAT, "문자로 받은 인증번호 6자리 숫자를 입력해 주세요.");
        }
        CodeRow newest = newestCode(groupId, challenge).filter(c -> c.open() || c.expired()).orElseThrow(() ->
                new SignInCodeRefusedException(NO_CODE, "먼저 [인증번호 받기]를 눌러 인증번호를 받아 주세요."));
        Instant now = now();
        if (newest.expired() || !now.isBefore(newest.expiresAt())) {
            throw expired(newest, groupId, challenge, now, actor);
        }
        if (!codes.matches(newest.id(), typed, newest.codeHash(), newest.codeKeyId())) {
            throw wrongCode(newest, groupId, challenge, now, actor, remaining - 1);
        }
        close(newest.id(), "USED", now, actor);
        audit(actor, "SETTLEMENT_SIGN_IN_CODE_ACCEPTED", groupId, "code " + newest.id() + " for " + challenge);
    }

    /** A new verification mobile: codes already sent went to the old one and must not work any more. */
    @Transactional
    public void supersedeOpenCodes(long groupId, String actor) {
        jdbc.update("update settlement_sign_in_code set status = 'SUPERSEDED', decided_at = ?, decided_by = ? "
                + "where group_id = ? and status = 'PENDING'", Timestamp.from(now()), actor, groupId);
    }

    /** Marks an open code expired (once) and says so; an expired code is no try. */
    private SignInCodeRefusedException expired(CodeRow code, long groupId, String challenge, Instant now,
                                               String actor) {
        if (code.open()) {
            close(code.id(), "EXPIRED", now, actor);
            audit(actor, "SETTLEMENT_SIGN_IN_CODE_EXPIRED", groupId, "code " + code.id() + " for " + challenge);
        }
        return new SignInCodeRefusedException(CODE_EXPIRED, "인증번호의 유효시간(" + VALID_MINUTES + "분)이 지났습니다. "
                + "[인증번호 받기]를 눌러 새 인증번호를 받아 주세요.");
    }

    /** Counts the wrong code; the challenge's last try spent, its open code is void and it stays locked. */
    private SignInCodeRefusedException wrongCode(CodeRow code, long groupId, String challenge, Instant now,
                                                 String actor, int left) {
        boolean lock = left <= 0;
        jdbc.update("update settlement_sign_in_code set failed_attempts = failed_attempts + 1, status = ?, "
                + "decided_at = ?, decided_by = ? where id = ?", lock ? "VOID" : "PENDING", lock ? Timestamp.from(now)
                : null, lock ? actor : null, code.id());
        int wrong = MAX_WRONG_CODES - left;
        audit(actor, lock ? "SETTLEMENT_SIGN_IN_LOCKED" : "SETTLEMENT_SIGN_IN_CODE_REJECTED", groupId, "code "
                + code.id() + " for " + challenge + ": wrong code " + wrong + " of " + MAX_WRONG_CODES);
        return lock ? locked()
                : new SignInCodeRefusedException(WRONG_CODE, "인증번호가 일치하지 않습니다. 남은 입력 횟수: " + left + "회");
    }

    private static SignInCodeRefusedException locked() {
        return new SignInCodeRefusedException(LOCKED, "인증번호가 " + MAX_WRONG_CODES + "회 틀려 더 이상 이 방법으로 "
                + "로그인할 수 없습니다. 운영팀에 새 안내를 요청해 주세요.");
    }

    /** The challenge's tries left: its wrong codes are counted together, whichever code they were typed for. */
    private int remainingAttempts(long groupId, String challenge) {
        Integer wrong = jdbc.queryForObject("select coalesce(sum(failed_attempts), 0) from settlement_sign_in_code "
                + "where group_id = ? and challenge = ?", Integer.class, groupId, challenge);
        return MAX_WRONG_CODES - (wrong == null ? 0 : wrong);
    }

    private int codesSentSince(long groupId, Instant since) {
        Integer sent = jdbc.queryForObject("select count(*) from settlement_sign_in_code where group_id = ? "
                + "and requested_at > ?", Integer.class, groupId, Timestamp.from(since));
        return sent == null ? 0 : sent;
    }

    private Optional<CodeRow> newestCode(long groupId, String challenge) {
        return jdbc.query("select id, code_hash, code_key_id, status, expires_at from settlement_sign_in_code "
                        + "where group_id = ? and challenge = ? order by requested_at desc limit 1",
                (rs, n) -> new CodeRow(rs.getObject("id", UUID.class), rs.getBytes("code_hash"),
                        rs.getString("code_key_id"), rs.getString("status"), rs.getTimestamp("expires_at").toInstant()),
                groupId, challenge).stream().findFirst();
    }

    private void lockGroup(long groupId) {
        if (jdbc.queryForList("select id from settlement_group where id = ? for update", Long.class, groupId).isEmpty()) {
            throw new ResourceNotFoundException("No settlement group " + groupId);
        }
    }

    private void close(UUID id, String status, Instant now, String actor) {
        jdbc.update("update settlement_sign_in_code set status = ?, decided_at = ?, decided_by = ? where id = ?",
                status, Timestamp.from(now), actor, id);
    }

    private void audit(String actor, String action, long groupId, String detail) {
        audit.save(AuditEntry.of(now(), actor, action, "settlement_group", String.valueOf(groupId), detail));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private record CodeRow(UUID id, byte[] codeHash, String codeKeyId, String status, Instant expiresAt) {

        /** Waiting to be typed (one past its time is found expired when it is typed). */
        boolean open() {
            return "PENDING".equals(status);
        }

        boolean expired() {
            return "EXPIRED".equals(status);
        }
    }
}
