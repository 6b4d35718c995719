package io.billflow.settlement.application;

import static io.billflow.settlement.application.GroupMobileCodes.PAYOUT_ACCOUNT_CHANGE;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.billflow.notification.api.NotificationEvent;
import io.billflow.notification.api.Notifications;
import io.billflow.notification.api.Recipient;
import io.billflow.partner.api.PartnerDirectory;
import io.billflow.platform.audit.AuditEntry;
import io.billflow.platform.crypto.KeyRewrapping;
import io.billflow.platform.audit.AuditLog;
import io.billflow.platform.onetimecode.CodeCheck;
import io.billflow.platform.onetimecode.CodeState;
import io.billflow.platform.onetimecode.CodeStatus;
import io.billflow.platform.onetimecode.IssuedCode;
import io.billflow.platform.onetimecode.OneTimeCodes;
import io.billflow.platform.web.FieldViolation;
import io.billflow.platform.web.InvalidInputException;
import io.billflow.platform.web.ResourceNotFoundException;
import io.billflow.settlement.api.PayoutAccounts;
import io.billflow.settlement.application.port.PayoutAccountStore;
import io.billflow.settlement.domain.AccountNumber;
import io.billflow.settlement.domain.GroupContact;
import io.billflow.settlement.domain.Masking;
import io.billflow.settlement.domain.PayoutAccount;
import io.billflow.settlement.domain.PayoutAccountChangeRequest;
import io.billflow.settlement.domain.SealedValue;
import io.billflow.settlement.domain.SettlementGroup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payout accounts: registered with the group, changed only with a one-time code sent to the group's
 * registered mobile, shown masked everywhere, and opened in clear only for the payout step
 * ({@link PayoutAccounts}).
 */
@Service
public class PayoutAccountService implements PayoutAccounts, KeyRewrapping {

    public static final int MAX_HOLDER_NAME = 50;
    private static final String PURPOSE = "지급계좌 변경";

    private final PayoutAccountStore store;
    private final PayoutAccountCipher cipher;
    private final GroupMobileCodes mobileCodes;
    private final OneTimeCodes codes;
    private final BankNames banks;
    private final SettlementGroupRepository groups;
    private final PartnerDirectory partners;
    private final Notifications notifications;
    private final AuditLog audit;
    private final Clock clock;
    private final String baseUrl;
    private final String supportContact;

    public PayoutAccountService(PayoutAccountStore store, PayoutAccountCipher cipher, GroupMobileCodes mobileCodes,
                                BankNames banks, SettlementGroupRepository groups, PartnerDirectory partners,
                                OneTimeCodes codes, Notifications notifications, AuditLog audit, Clock clock,
                                @Value("${billflow.base-url}") String baseUrl,
                                @Value("${billflow.settlement.support-contact}") String supportContact) {
        this.mobileCodes = mobileCodes;
        this.store = store;
        this.cipher = cipher;
        this.codes = codes;
        this.banks = banks;
        this.groups = groups;
        this.partners = partners;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.supportContact = supportContact;
    }

    /** What is wrong with {@code input}, each named under {@code prefix} (e.g. {@code payoutAccount.}). */
    public List<FieldViolation> problems(PayoutAccountInput input, String prefix) {
        List<FieldViolation> violations = new ArrayList<>();
        if (input.bankCode() == null || input.bankCode().isBlank()) {
            violations.add(FieldViolation.of(prefix + "bankCode", "is required (KFTC 3-digit code, e.g. 004)"));
        } else if (banks.nameOf(input.bankCode().strip()).isEmpty()) {
            violations.add(new FieldViolation(prefix + "bankCode", "is not a bank code billflow pays into "
                    + "(KFTC 3-digit code, e.g. 004 국민은행, 088 신한은행)", input.bankCode()));
        }
        String accountProblem = AccountNumber.problemWith(input.accountNumber());
        if (accountProblem != null) {
            // never echo the number back: it is what this module keeps from sight
            violations.add(FieldViolation.of(prefix + "accountNumber", accountProblem));
        }
        if (input.holderName() == null || input.holderName().isBlank()) {
            violations.add(FieldViolation.of(prefix + "holderName", "is required (예금주)"));
        } else if (input.holderName().strip().length() > MAX_HOLDER_NAME) {
            violations.add(FieldViolation.of(prefix + "holderName", "must be at most " + MAX_HOLDER_NAME + " characters"));
        }
        return violations;
    }

    /**
     * The first account of a new group, set by the staff member creating it (there is no earlier account to
     * protect, so no code). Runs in the caller's transaction; the caller has checked {@link #problems}.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public PayoutAccount registerFirst(SettlementGroup group, PayoutAccountInput input, String actor) {
        AccountNumber number = AccountNumber.of(input.accountNumber());
        Instant now = now();
        PayoutAccount account = newAccount(group.id(), input.bankCode().strip(), number, input.holderName().strip(),
                actor, now, null);
        store.replaceCurrent(account, now);
        audit(actor, "PAYOUT_ACCOUNT_REGISTERED", group.id(), describe(account.bankCode(), account.maskedAccount(),
                account.holderName()));
        return account;
    }

    @Transactional(readOnly = true)
    public Optional<PayoutAccount> current(long groupId) {
        return store.current(groupId);
    }

    /**
     * Starts a change: seals the new account and texts a fresh code to the group's registered mobile; the code of
     * the group's open request stops working (only the newest request can be confirmed). The code is in the SMS
     * only.
     */
    @Transactional
    public PayoutAccountChangeRequest requestChange(long groupId, PayoutAccountInput input, String actor) {
        SettlementGroup group = groups.findByIdForUpdate(groupId)
                .orElseThrow(() -> new ResourceNotFoundException("No settlement group " + groupId));
        List<FieldViolation> violations = problems(input, "");
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        UUID id = UUID.randomUUID();
        IssuedCode issued = mobileCodes.send(PAYOUT_ACCOUNT_CHANGE, group, GroupMobileCodes.payoutChallenge(groupId),
                GroupMobileCodes.holder(groupId), "settlement_group", String.valueOf(groupId), PURPOSE,
                "payout-account-code:" + id + ":", actor);
        AccountNumber number = AccountNumber.of(input.accountNumber());
        PayoutAccountChangeRequest request = PayoutAccountChangeRequest.open(id, groupId, input.bankCode().strip(),
                number, input.holderName().strip(), cipher.seal(changeRequestContext(groupId, id), number.value()),
                issued.id(), actor, now());
        store.insert(request);
        audit(actor, "PAYOUT_ACCOUNT_CHANGE_REQUESTED", groupId, "request " + id + ": "
                + describe(request.bankCode(), request.maskedAccount(), request.holderName())
                + "; code " + issued.id() + " sent to " + issued.sentTo());
        return request.withCode(new PayoutAccountChangeRequest.Code(PayoutAccountChangeRequest.Status.PENDING,
                issued.sentTo(), issued.expiresAt(), issued.remainingTries(), null, null));
    }

    @Transactional(readOnly = true)
    public PayoutAccountChangeRequest changeRequest(long groupId, UUID requestId) {
        return withCode(store.changeRequest(requestId).filter(r -> r.groupId() == groupId)
                .orElseThrow(() -> new ResourceNotFoundException("No payout account change request " + requestId
                        + " for settlement group " + groupId)));
    }

    /**
     * Checks the code. Right and in time: the new account is in force and every contact of the group is told.
     * A wrong code counts (and is committed, hence no rollback for the two refusals); the fifth voids the
     * request. A code that is not six digits is a typo, not a guess, and is not counted.
     */
    @Transactional(noRollbackFor = {VerificationCodeRejectedException.class, ChangeRequestClosedException.class})
    public PayoutAccount confirm(long groupId, UUID requestId, String code, String actor) {
        SettlementGroup group = groups.findByIdForUpdate(groupId)
                .orElseThrow(() -> new ResourceNotFoundException("No settlement group " + groupId));
        PayoutAccountChangeRequest request = changeRequest(groupId, requestId);
        if (request.status() != PayoutAccountChangeRequest.Status.PENDING) {
            throw new ChangeRequestClosedException(request.status());
        }
        if (!OneTimeCodes.wellFormed(code)) {
            throw new InvalidInputException("code", "must be the 6 digits from the text message (not counted as a try)");
        }
        CodeCheck check = codes.check(PAYOUT_ACCOUNT_CHANGE, GroupMobileCodes.payoutChallenge(groupId), code, actor);
        if (!request.codeId().equals(check.codeId())) {
            // the group is locked, so no newer request can have come between; said for what it would mean
            throw new ChangeRequestClosedException(PayoutAccountChangeRequest.Status.SUPERSEDED);
        }
        return switch (check.verdict()) {
            case ACCEPTED -> apply(group, request, actor, now());
            case WRONG, LOCKED -> throw new VerificationCodeRejectedException(check.remainingTries());
            case EXPIRED -> throw new ChangeRequestClosedException(PayoutAccountChangeRequest.Status.EXPIRED);
            case NO_CODE -> throw new ChangeRequestClosedException(PayoutAccountChangeRequest.Status.SUPERSEDED);
            case MALFORMED -> throw new InvalidInputException("code", "must be the 6 digits from the text message");
        };
    }

    private PayoutAccountChangeRequest withCode(PayoutAccountChangeRequest request) {
        CodeState code = codes.state(PAYOUT_ACCOUNT_CHANGE, request.codeId())
                .orElseThrow(() -> new IllegalStateException("change request " + request.id() + " has no code"));
        return request.withCode(new PayoutAccountChangeRequest.Code(status(code.status()), code.sentTo(),
                code.expiresAt(), code.remainingTries(), code.decidedAt(), code.decidedBy()));
    }

    private static PayoutAccountChangeRequest.Status status(CodeStatus code) {
        return switch (code) {
            case PENDING -> PayoutAccountChangeRequest.Status.PENDING;
            case USED -> PayoutAccountChangeRequest.Status.CONFIRMED;
            case VOID -> PayoutAccountChangeRequest.Status.VOID;
            case EXPIRED -> PayoutAccountChangeRequest.Status.EXPIRED;
            case SUPERSEDED -> PayoutAccountChangeRequest.Status.SUPERSEDED;
        };
    }

    private PayoutAccount apply(SettlementGroup group, PayoutAccountChangeRequest request, String actor, Instant now) {
        AccountNumber number = AccountNumber.of(cipher.open(changeRequestContext(group.id(), request.id()),
                request.sealedAccount()));
        PayoutAccount account = newAccount(group.id(), request.bankCode(), number, request.holderName(),
                request.requestedBy(), now, request.id());
        Optional<PayoutAccount> previous = store.current(group.id());
        store.replaceCurrent(account, now);
        audit(actor, "PAYOUT_ACCOUNT_CHANGED", group.id(), "request " + request.id() + " confirmed; "
                + previous.map(p -> "from " + describe(p.bankCode(), p.maskedAccount(), p.holderName()) + " ").orElse("")
                + "to " + describe(account.bankCode(), account.maskedAccount(), account.holderName()));
        String partnerName = partners.partner(group.partnerId()).map(p -> p.corpName()).orElse(group.name());
        List<Recipient> contacts = group.contacts().stream().map(PayoutAccountService::recipient).toList();
        notifications.publish(NotificationEvent.PAYOUT_ACCOUNT_CHANGED, "payout-account-changed:" + request.id(),
                contacts, Map.of("partnerName", partnerName, "groupName", group.name(),
                        "bankName", bankName(account.bankCode()), "maskedAccount", account.maskedAccount(),
                        "changedBy", request.requestedBy(), "changedAt", now, "supportContact", supportContact,
                        "link", baseUrl + "/portal"));
        return account;
    }

    @Override
    @Transactional
    public Optional<PayoutAccountForPayout> unsealForPayout(long groupId, String actor, String purpose) {
        return store.current(groupId).map(account -> {
            String number = cipher.open(accountContext(account.groupId(), account.id()), account.sealedAccount());
            audit(actor, "PAYOUT_ACCOUNT_UNSEALED", groupId, "account " + account.maskedAccount() + " for " + purpose);
            return new PayoutAccountForPayout(groupId, account.bankCode(), number, account.holderName(),
                    account.maskedAccount());
        });
    }

    @Override
    public String holding() {
        return "payoutAccounts";
    }

    /** After a KEK rotation: every stored account's data key re-wrapped under the current KEK. */
    @Override
    @Transactional
    public int rewrapAll(String actor) {
        List<PayoutAccount> stale = store.notWrappedBy(cipher.currentKekId());
        for (PayoutAccount account : stale) {
            store.replaceWrapping(account.id(), cipher.rewrap(account.sealedAccount()));
        }
        audit.save(AuditEntry.of(now(), actor, "PAYOUT_ACCOUNT_KEK_ROTATED", "kek", cipher.currentKekId(),
                stale.size() + " payout account data keys re-wrapped"));
        return stale.size();
    }

    public String bankName(String bankCode) {
        return banks.nameOf(bankCode).orElse(bankCode);
    }

    private PayoutAccount newAccount(long groupId, String bankCode, AccountNumber number, String holderName,
                                     String actor, Instant now, UUID changeRequestId) {
        UUID id = UUID.randomUUID();
        SealedValue sealed = cipher.seal(accountContext(groupId, id), number.value());
        return new PayoutAccount(id, groupId, bankCode, number.masked(), holderName, sealed, now, actor,
                changeRequestId);
    }

    private static Recipient recipient(GroupContact contact) {
        return new Recipient("settlement-contact:" + contact.email().toLowerCase(Locale.ROOT), contact.name(),
                contact.email(), List.of(), contact.mobile());
    }

    private static String accountContext(long groupId, UUID accountId) {
        return "group=" + groupId + "|account=" + accountId;
    }

    private static String changeRequestContext(long groupId, UUID requestId) {
        return "group=" + groupId + "|change-request=" + requestId;
    }

    private String describe(String bankCode, String maskedAccount, String holderName) {
        return bankName(bankCode) + " (" + bankCode + ") " + maskedAccount + ", 예금주 " + Masking.holderName(holderName);
    }

    private void audit(String actor, String action, long groupId, String detail) {
        audit.save(AuditEntry.of(now(), actor, action, "settlement_group", String.valueOf(groupId), detail));
    }

    /** PostgreSQL keeps microseconds: what is answered now equals what is read back later. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
