package io.billflow.settlement.application;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.billflow.notification.api.NotificationEvent;
import io.billflow.notification.api.Notifications;
import io.billflow.notification.api.Recipient;
import io.billflow.platform.onetimecode.CodePolicy;
import io.billflow.platform.onetimecode.CodePolicy.TryCounting;
import io.billflow.platform.onetimecode.CodeTarget;
import io.billflow.platform.onetimecode.IssuedCode;
import io.billflow.platform.onetimecode.OneTimeCodes;
import io.billflow.settlement.api.GroupSignInCodes;
import io.billflow.settlement.domain.Masking;
import io.billflow.settlement.domain.SettlementGroup;
import org.springframework.stereotype.Component;

/**
 * The settlement's three uses of one-time codes, each texted to the group's verification mobile: who holds that
 * mobile changes the payout account, confirms the month's reverse invoice and opens an individual's portal. The
 * policies differ only where the use does; the code itself is {@link OneTimeCodes}'.
 */
@Component
class GroupMobileCodes {

    private static final Duration VALIDITY = Duration.ofMinutes(5);

    /** 관리자 추가인증: five wrong codes void the change request; a new request brings a new code. */
    static final CodePolicy PAYOUT_ACCOUNT_CHANGE = new CodePolicy("PAYOUT_ACCOUNT_CHANGE", VALIDITY, 5,
            TryCounting.PER_CODE, 0, "PAYOUT_ACCOUNT", "PAYOUT_ACCOUNT_CHANGE_VOIDED");

    /** 세금계산서 역발행 신청: five wrong codes void the code; ten codes per report a day (SMS cost, nuisance). */
    static final CodePolicy PARTNER_CONFIRMATION = new CodePolicy("SETTLEMENT_CONFIRMATION", VALIDITY, 5,
            TryCounting.PER_CODE, 10, "SETTLEMENT_CONFIRMATION", "SETTLEMENT_CONFIRMATION_CODE_VOIDED");

    /** An individual's sign-in: wrong codes count per link, so new codes buy no new guesses; the fifth locks it. */
    static final CodePolicy PORTAL_SIGN_IN = new CodePolicy("PORTAL_SIGN_IN",
            Duration.ofMinutes(GroupSignInCodes.VALID_MINUTES), GroupSignInCodes.MAX_WRONG_CODES,
            TryCounting.PER_CHALLENGE, GroupSignInCodes.MAX_CODES_PER_DAY, "SETTLEMENT_SIGN_IN",
            "SETTLEMENT_SIGN_IN_LOCKED");

    private final OneTimeCodes codes;
    private final Notifications notifications;

    GroupMobileCodes(OneTimeCodes codes, Notifications notifications) {
        this.codes = codes;
        this.notifications = notifications;
    }

    /**
     * Issues a code of {@code policy} and texts it to the group's verification mobile, in the caller's transaction.
     *
     * @param purposeText  what the text says the code is for ("지급계좌 변경")
     * @param dedupPrefix  the text's dedup key up to the code's id
     */
    IssuedCode send(CodePolicy policy, SettlementGroup group, String challenge, String scope, String subjectType,
                    String subjectId, String purposeText, String dedupPrefix, String requester) {
        IssuedCode issued = codes.issue(policy, new CodeTarget(challenge, scope, holder(group.id()),
                group.verificationMobile(), Masking.mobile(group.verificationMobile()), subjectType, subjectId),
                requester);
        notifications.publish(NotificationEvent.VERIFICATION_CODE, dedupPrefix + issued.id(),
                List.of(new Recipient(holder(group.id()) + ":verification", group.name(), null, List.of(),
                        group.verificationMobile())),
                Map.of("code", issued.code(), "purpose", purposeText, "groupName", group.name(),
                        "validMinutes", policy.validMinutes()));
        return issued;
    }

    /** Codes of the group's payout account changes (one challenge: a new request supersedes the open one). */
    static String payoutChallenge(long groupId) {
        return holder(groupId) + ":payout-account";
    }

    static String confirmationChallenge(long reportId) {
        return "settlement-report:" + reportId;
    }

    static String signInChallenge(long groupId, String link) {
        return holder(groupId) + ":link:" + link;
    }

    /** Whoever holds the group's verification mobile; the daily limit of sign-in codes counts over it too. */
    static String holder(long groupId) {
        return "settlement-group:" + groupId;
    }
}
