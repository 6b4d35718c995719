package io.billflow.platform.onetimecode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import io.billflow.platform.audit.AuditEntry;
import io.billflow.platform.audit.AuditLog;
import io.billflow.platform.onetimecode.CodeCheck.Verdict;
import io.billflow.platform.onetimecode.CodeIssueRefusedException.Reason;
import io.billflow.platform.onetimecode.CodePolicy.TryCounting;
import io.billflow.platform.onetimecode.JdbcOneTimeCodeStore.StoredCode;
import io.billflow.platform.throttle.SendLimits;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues and checks one-time codes under a {@link CodePolicy}. Every step of a challenge runs under its lock and in
 * the caller's transaction: a counted wrong try is committed with the caller's refusal (callers roll back for none
 * of their refusals), and a send the caller rolls back counts nothing. Every step is audited on the target's subject
 * with the code's id, never the code.
 */
@Service
public class OneTimeCodes {

    private final JdbcOneTimeCodeStore store;
    private final CodeHasher hasher;
    private final SendLimits sendLimits;
    private final AuditLog audit;
    private final Clock clock;

    OneTimeCodes(JdbcOneTimeCodeStore store, CodeHasher hasher, SendLimits sendLimits, AuditLog audit, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.sendLimits = sendLimits;
        this.audit = audit;
        this.clock = clock;
    }

    /** Six digits? A code of another shape is a typo: callers may refuse it before anything else. */
    public static boolean wellFormed(String code) {
        return CodeHasher.wellFormed(code == null ? null : code.strip());
    }

    /**
     * A fresh code for the target's challenge; the challenge's open code stops working. Within the send limits
     * (per mobile and per requester) and the policy's daily limit per scope.
     *
     * @throws CodeIssueRefusedException when the challenge is locked or the day's codes are used up
     * @throws io.billflow.platform.throttle.RateLimitExceededException over a send limit
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public IssuedCode issue(CodePolicy policy, CodeTarget target, String requester) {
        if (policy.maxCodesPerDay() > 0 && !target.scope().equals(target.challenge())) {
            // the daily limit spans the scope's challenges: two of them must not both take its last code (scope
            // before challenge, always, and a check takes only the challenge: no lock waits in a circle)
            store.lockChallenge(policy.purpose(), target.scope());
        }
        store.lockChallenge(policy.purpose(), target.challenge());
        Instant now = now();
        int remaining = policy.maxWrongTries();
        if (policy.counting() == TryCounting.PER_CHALLENGE) {
            remaining -= store.failedTriesOfChallenge(policy.purpose(), target.challenge());
            if (remaining <= 0) {
                throw new CodeIssueRefusedException(Reason.LOCKED);
            }
        }
        if (policy.maxCodesPerDay() > 0 && store.issuedSince(policy.purpose(), target.scope(),
                now.minus(Duration.ofDays(1))) >= policy.maxCodesPerDay()) {
            throw new CodeIssueRefusedException(Reason.DAILY_LIMIT);
        }
        sendLimits.beforeCode(target.mobile(), requester);
        store.supersedeOpen(policy.purpose(), target.challenge(), now, requester);
        UUID id = UUID.randomUUID();
        String code = hasher.newCode();
        Instant expires = now.plus(policy.validity());
        store.insert(new StoredCode(id, policy.purpose(), target.challenge(), hasher.hash(id, code),
                hasher.currentKeyId(), target.sentTo(), CodeStatus.PENDING, 0, now, expires, null, null,
                target.subjectType(), target.subjectId()), requester, target);
        audit(requester, policy.auditPrefix() + "_CODE_SENT", target.subjectType(), target.subjectId(),
                "code " + id + " for " + target.challenge() + " sent to " + target.sentTo());
        return new IssuedCode(id, code, target.sentTo(), expires, remaining);
    }

    /**
     * Checks a typed code against the challenge's newest code and uses it up when it is right and in time. A code
     * past its time is marked expired (no try); a wrong one is counted, and the last allowed wrong one locks.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CodeCheck check(CodePolicy policy, String challenge, String typedCode, String actor) {
        store.lockChallenge(policy.purpose(), challenge);
        Optional<StoredCode> newest = store.newest(policy.purpose(), challenge);
        UUID id = newest.map(StoredCode::id).orElse(null);
        int remaining = remaining(policy, challenge, newest.orElse(null));
        if (remaining <= 0) {
            return new CodeCheck(Verdict.LOCKED, id, 0);
        }
        String typed = typedCode == null ? "" : typedCode.strip();
        if (!CodeHasher.wellFormed(typed)) {
            return new CodeCheck(Verdict.MALFORMED, id, remaining);
        }
        Instant now = now();
        if (newest.isEmpty() || !(newest.get().pending() || newest.get().expiredAt(now))) {
            return new CodeCheck(Verdict.NO_CODE, id, remaining);
        }
        StoredCode code = newest.get();
        if (code.expiredAt(now)) {
            if (code.pending()) {
                store.close(code.id(), CodeStatus.EXPIRED, now, actor);
                audit(actor, policy.auditPrefix() + "_CODE_EXPIRED", code, "code " + code.id() + " for " + challenge);
            }
            return new CodeCheck(Verdict.EXPIRED, id, remaining);
        }
        if (!hasher.matches(code.id(), typed, code.codeHash(), code.codeKeyId())) {
            int left = remaining - 1;
            store.countWrongTry(code.id(), left <= 0, now, actor);
            int wrong = policy.maxWrongTries() - left;
            audit(actor, left <= 0 ? policy.lockedAction() : policy.auditPrefix() + "_CODE_REJECTED", code,
                    "code " + code.id() + " for " + challenge + ": wrong code " + wrong + " of " + policy.maxWrongTries());
            return new CodeCheck(left <= 0 ? Verdict.LOCKED : Verdict.WRONG, id, left);
        }
        store.close(code.id(), CodeStatus.USED, now, actor);
        audit(actor, policy.auditPrefix() + "_CODE_ACCEPTED", code, "code " + code.id() + " for " + challenge);
        return new CodeCheck(Verdict.ACCEPTED, id, remaining);
    }

    /** The challenge's open code, if one is pending and not yet past its time. */
    @Transactional(readOnly = true)
    public Optional<CodeState> pending(CodePolicy policy, String challenge) {
        return store.newest(policy.purpose(), challenge).map(c -> state(policy, c))
                .filter(s -> s.status() == CodeStatus.PENDING);
    }

    /** A code of this policy by its id, as it stands now. */
    @Transactional(readOnly = true)
    public Optional<CodeState> state(CodePolicy policy, UUID codeId) {
        return store.find(codeId).filter(c -> c.purpose().equals(policy.purpose())).map(c -> state(policy, c));
    }

    /** The challenge's wrong tries left ({@link TryCounting#PER_CODE}: those of its newest code). */
    @Transactional(readOnly = true)
    public int remainingTries(CodePolicy policy, String challenge) {
        return remaining(policy, challenge, store.newest(policy.purpose(), challenge).orElse(null));
    }

    /**
     * The holder's mobile changed: every open code it was sent went to the old number and stops working, whatever
     * its use. Answers how many.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int supersedeHeldBy(String holder, String actor) {
        return store.supersedeHeldBy(holder, now(), actor);
    }

    private CodeState state(CodePolicy policy, StoredCode code) {
        CodeStatus status = code.pending() && code.expiredAt(now()) ? CodeStatus.EXPIRED : code.status();
        int remaining = policy.counting() == TryCounting.PER_CHALLENGE
                ? policy.maxWrongTries() - store.failedTriesOfChallenge(policy.purpose(), code.challenge())
                : policy.maxWrongTries() - code.failedTries();
        return new CodeState(code.id(), status, code.sentTo(), code.expiresAt(), code.failedTries(),
                Math.max(0, remaining), code.decidedAt(), code.decidedBy());
    }

    private int remaining(CodePolicy policy, String challenge, StoredCode newest) {
        if (policy.counting() == TryCounting.PER_CHALLENGE) {
            return policy.maxWrongTries() - store.failedTriesOfChallenge(policy.purpose(), challenge);
        }
        if (newest == null) {
            return policy.maxWrongTries();
        }
        return newest.status() == CodeStatus.VOID ? 0 : policy.maxWrongTries() - newest.failedTries();
    }

    private void audit(String actor, String action, StoredCode code, String detail) {
        audit(actor, action, code.subjectType(), code.subjectId(), detail);
    }

    private void audit(String actor, String action, String subjectType, String subjectId, String detail) {
        audit.save(AuditEntry.of(now(), actor, action, subjectType, subjectId, detail));
    }

    /** PostgreSQL keeps microseconds: what is answered now equals what is read back later. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
