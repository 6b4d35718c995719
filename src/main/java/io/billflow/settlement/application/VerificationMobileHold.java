package io.billflow.settlement.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.billflow.notification.api.NotificationEvent;
import io.billflow.notification.api.Notifications;
import io.billflow.notification.api.Recipient;
import io.billflow.partner.api.PartnerDirectory;
import io.billflow.partner.api.PartnerSnapshot;
import io.billflow.platform.audit.AuditEntry;
import io.billflow.platform.audit.AuditLog;
import io.billflow.platform.onetimecode.OneTimeCodes;
import io.billflow.platform.web.ResourceNotFoundException;
import io.billflow.settlement.application.port.MobileChangeStore;
import io.billflow.settlement.domain.GroupContact;
import io.billflow.settlement.domain.HeldMobileChange;
import io.billflow.settlement.domain.Masking;
import io.billflow.settlement.domain.SettlementGroup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whoever controls a group's verification mobile changes its payout account and opens an individual's portal, so
 * a change of it — by {@code camunda-admin} only — waits for {@code billflow.partner.contact-change-hold}, is told
 * at once to the group's contacts and the mobile in place, and can be cancelled meanwhile. Codes keep going to the
 * mobile in place until the change is in force; then every open code sent to it is void, whatever it was for (ADR 0001).
 */
@Service
public class VerificationMobileHold {

    public static final int APPLY_BATCH = 100;

    private final MobileChangeStore store;
    private final SettlementGroupRepository groups;
    private final OneTimeCodes codes;
    private final PartnerDirectory partners;
    private final Notifications notifications;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration hold;
    private final String supportContact;

    public VerificationMobileHold(MobileChangeStore store, SettlementGroupRepository groups,
                                  OneTimeCodes codes,
                                  PartnerDirectory partners, Notifications notifications, AuditLog audit, Clock clock,
                                  @Value("${billflow.partner.contact-change-hold:P3D}") Duration hold,
                                  @Value("${billflow.settlement.support-contact}") String supportContact) {
        this.store = store;
        this.groups = groups;
        this.codes = codes;
        this.partners = partners;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
        this.hold = hold;
        this.supportContact = supportContact;
    }

    /** Holds a change to {@code mobile}; the same mobile as in force or as held already changes nothing. */
    @Transactional
    public SettlementGroup request(long groupId, String mobile, String actor) {
        SettlementGroup group = groups.findByIdForUpdate(groupId)
                .orElseThrow(() -> new ResourceNotFoundException("No settlement group " + groupId));
        Optional<HeldMobileChange> before = store.heldForUpdate(groupId);
        if (digits(group.verificationMobile()).equals(digits(mobile))
                || before.filter(held -> digits(held.mobile()).equals(digits(mobile))).isPresent()) {
            return group;
        }
        Instant now = clock.instant();
        before.ifPresent(old -> store.end(old.id(), "SUPERSEDED", actor, now));
        HeldMobileChange held = store.hold(groupId, mobile, actor, now, now.plus(hold));
        record(actor, "SETTLEMENT_VERIFICATION_MOBILE_CHANGE_HELD", groupId, "from "
                + Masking.mobile(group.verificationMobile()) + " to " + Masking.mobile(mobile) + " from "
                + held.effectiveAt());
        String partnerName = partners.partner(group.partnerId()).map(PartnerSnapshot::corpName).orElse(group.name());
        List<Recipient> recipients = new ArrayList<>();
        for (GroupContact contact : group.contacts()) {
            recipients.add(new Recipient("settlement-contact:" + contact.email().toLowerCase(Locale.ROOT),
                    contact.name(), contact.email(), List.of(), contact.mobile()));
        }
        recipients.add(new Recipient("settlement-mobile:" + groupId, partnerName, null, List.of(),
                group.verificationMobile()));
        notifications.publish(NotificationEvent.PARTNER_CONTACT_CHANGE_PENDING, "verification-mobile-change:" + held.id(),
                recipients, Map.of("corpName", partnerName, "newEmail", "(변경 없음)",
                        "newMobile", "***-****-" + digits(mobile).substring(digits(mobile).length() - 4),
                        "requestedAt", now, "effectiveAt", held.effectiveAt(), "supportContact", supportContact));
        return group;
    }

    @Transactional(readOnly = true)
    public Optional<HeldMobileChange> held(long groupId) {
        return store.held(groupId);
    }

    @Transactional
    public void cancel(long groupId, String actor) {
        HeldMobileChange held = store.heldForUpdate(groupId).orElseThrow(() ->
                new ResourceNotFoundException("Settlement group " + groupId + " has no mobile change waiting"));
        store.end(held.id(), "CANCELLED", actor, clock.instant());
        record(actor, "SETTLEMENT_VERIFICATION_MOBILE_CHANGE_CANCELLED", groupId, "held change " + held.id() + " to "
                + Masking.mobile(held.mobile()) + " cancelled");
    }

    /** Puts the changes whose hold has passed in force, voiding the codes sent to the mobile before. */
    @Transactional
    public int applyDue() {
        Instant now = clock.instant();
        List<HeldMobileChange> due = store.dueForUpdate(now, APPLY_BATCH);
        for (HeldMobileChange change : due) {
            SettlementGroup group = groups.findByIdForUpdate(change.groupId()).orElseThrow();
            String before = group.verificationMobile();
            group.changeVerificationMobile(change.mobile(), now);
            groups.save(group);
            int superseded = codes.supersedeHeldBy(GroupMobileCodes.holder(group.id()), "system");
            store.end(change.id(), "APPLIED", "system", now);
            record("system", "SETTLEMENT_VERIFICATION_MOBILE_CHANGED", group.id(), "from " + Masking.mobile(before)
                    + " to " + Masking.mobile(change.mobile()) + " (held change " + change.id() + " by "
                    + change.requestedBy() + "); " + superseded + " open one-time codes (payout account change, confirmation, "
                    + "sign-in) superseded");
        }
        return due.size();
    }

    private static String digits(String mobile) {
        return mobile == null ? "" : mobile.replaceAll("[^0-9]", "");
    }

    private void record(String actor, String action, long groupId, String detail) {
        audit.save(AuditEntry.of(clock.instant(), actor, action, "settlement_group", String.valueOf(groupId), detail));
    }
}
