package io.billflow.settlement.application;

import static io.billflow.settlement.api.SignInCodeRefusedException.Reason.CODE_EXPIRED;
import static io.billflow.settlement.api.SignInCodeRefusedException.Reason.CODE_FORMAT;
import static io.billflow.settlement.api.SignInCodeRefusedException.Reason.LOCKED;
import static io.billflow.settlement.api.SignInCodeRefusedException.Reason.NO_CODE;
import static io.billflow.settlement.api.SignInCodeRefusedException.Reason.TOO_MANY_CODES;
import static io.billflow.settlement.api.SignInCodeRefusedException.Reason.WRONG_CODE;
import static io.billflow.settlement.application.GroupMobileCodes.PORTAL_SIGN_IN;

import java.util.Optional;

import io.billflow.platform.onetimecode.CodeCheck;
import io.billflow.platform.onetimecode.CodeIssueRefusedException;
import io.billflow.platform.onetimecode.IssuedCode;
import io.billflow.platform.onetimecode.OneTimeCodes;
import io.billflow.platform.web.ResourceNotFoundException;
import io.billflow.settlement.api.GroupSignInCodes;
import io.billflow.settlement.api.SignInCodeRefusedException;
import io.billflow.settlement.domain.Masking;
import io.billflow.settlement.domain.SettlementGroup;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Individuals' sign-in codes: {@link GroupMobileCodes#PORTAL_SIGN_IN}, said to the individual in Korean. */
@Service
class GroupSignInCodeService implements GroupSignInCodes {

    static final String PURPOSE = "정산 포털 로그인";

    private final SettlementGroupRepository groups;
    private final GroupMobileCodes mobileCodes;
    private final OneTimeCodes codes;

    GroupSignInCodeService(SettlementGroupRepository groups, GroupMobileCodes mobileCodes, OneTimeCodes codes) {
        this.groups = groups;
        this.mobileCodes = mobileCodes;
        this.codes = codes;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Target> target(long groupId) {
        return groups.findById(groupId).map(g -> new Target(g.name(), Masking.mobile(g.verificationMobile())));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PendingCode> pending(long groupId, String challenge) {
        return codes.pending(PORTAL_SIGN_IN, GroupMobileCodes.signInChallenge(groupId, challenge))
                .map(c -> new PendingCode(c.sentTo(), c.expiresAt(), c.remainingTries()));
    }

    @Override
    @Transactional
    public PendingCode send(long groupId, String challenge, String actor) {
        SettlementGroup group = groups.findById(groupId)
                .orElseThrow(() -> new ResourceNotFoundException("No settlement group " + groupId));
        try {
            IssuedCode issued = mobileCodes.send(PORTAL_SIGN_IN, group,
                    GroupMobileCodes.signInChallenge(groupId, challenge), GroupMobileCodes.holder(groupId),
                    "settlement_group", String.valueOf(groupId), PURPOSE, "settlement-sign-in-code:" + groupId + ":",
                    actor);
            return new PendingCode(issued.sentTo(), issued.expiresAt(), issued.remainingTries());
        } catch (CodeIssueRefusedException e) {
            throw switch (e.reason()) {
                case LOCKED -> locked();
                case DAILY_LIMIT -> new SignInCodeRefusedException(TOO_MANY_CODES, "오늘 이 정산그룹의 인증 휴대폰으로 "
                        + "보낼 수 있는 인증번호를 모두 보냈습니다. 내일 다시 시도하거나 운영팀에 문의해 주세요.");
            };
        }
    }

    @Override
    @Transactional(noRollbackFor = SignInCodeRefusedException.class)
    public void check(long groupId, String challenge, String typedCode, String actor) {
        if (groups.findById(groupId).isEmpty()) {
            throw new ResourceNotFoundException("No settlement group " + groupId);
        }
        CodeCheck check = codes.check(PORTAL_SIGN_IN, GroupMobileCodes.signInChallenge(groupId, challenge), typedCode,
                actor);
        switch (check.verdict()) {
            case ACCEPTED -> { }
            case LOCKED -> throw locked();
            case MALFORMED -> throw new SignInCodeRefusedException(CODE_FORMAT, "문자로 받은 인증번호 6자리 숫자를 입력해 주세요.");
            case NO_CODE -> throw new SignInCodeRefusedException(NO_CODE, "먼저 [인증번호 받기]를 눌러 인증번호를 받아 주세요.");
            case EXPIRED -> throw new SignInCodeRefusedException(CODE_EXPIRED, "인증번호의 유효시간(" + VALID_MINUTES
                    + "분)이 지났습니다. [인증번호 받기]를 눌러 새 인증번호를 받아 주세요.");
            case WRONG -> throw new SignInCodeRefusedException(WRONG_CODE, "인증번호가 일치하지 않습니다. 남은 입력 횟수: "
                    + check.remainingTries() + "회");
        }
    }

    private static SignInCodeRefusedException locked() {
        return new SignInCodeRefusedException(LOCKED, "인증번호가 " + MAX_WRONG_CODES + "회 틀려 더 이상 이 방법으로 "
                + "로그인할 수 없습니다. 운영팀에 새 안내를 요청해 주세요.");
    }
}
