package io.billflow.partner.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.billflow.notification.api.NotificationEvent;
import io.billflow.notification.api.Notifications;
import io.billflow.notification.api.Recipient;
import io.billflow.partner.api.ContactMasking;
import io.billflow.partner.application.port.ContactChangeStore;
import io.billflow.partner.domain.ContactChannels;
import io.billflow.partner.domain.HeldContactChange;
import io.billflow.partner.domain.Partner;
import io.billflow.platform.audit.AuditEntry;
import io.billflow.platform.audit.AuditLog;
import io.billflow.platform.web.ResourceNotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff change of where a partner's portal links and codes go is held, not applied: the contacts in place are
 * told at once (by e-mail, a notice they cannot switch off, and by
 * text where they take texts) and the change takes effect only after
 * {@code billflow.partner.contact-change-hold}, unless cancelled meanwhile. Until then every link and code still
 * goes to the contacts in place, so a staff user who writes his own address into a partner has nothing to gain
 * but a warning to the partner (ADR 0001, addendum). A partner with no contact at all gets its first one at once:
 * there is nobody to warn and nothing to redirect.
 */
@Service
public class ContactChangeHold {

    public static final int APPLY_BATCH = 100;

    private final ContactChangeStore store;
    private final PartnerRepository partners;
    private final Notifications notifications;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Duration hold;
    private final String supportContact;

    public ContactChangeHold(ContactChangeStore store, PartnerRepository partners, Notifications notifications,
                             AuditLog auditLog, Clock clock,
                             @Value("${billflow.partner.contact-change-hold:P3D}") Duration hold,
                             @Value("${billflow.settlement.support-contact}") String supportContact) {
        this.store = store;
        this.partners = partners;
        this.notifications = notifications;
        this.auditLog = auditLog;
        this.clock = clock;
        this.hold = hold;
        this.supportContact = supportContact;
    }

    /** Whether changing {@code partner}'s channels to {@code wanted} must wait (someone is there to be warned). */
    boolean mustHold(Partner partner, ContactChannels wanted) {
        return partner.channels().reachable() && !partner.channels().sameAs(wanted);
    }

    /**
     * Holds a change of the partner's channels, superseding a change held before; a request for what is held
     * already changes nothing (and warns nobody twice).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    HeldContactChange hold(Partner partner, ContactChannels wanted, String actor) {
        Instant now = clock.instant();
        Optional<HeldContactChange> before = store.heldForUpdate(partner.id());
        if (before.isPresent() && before.get().channels().sameAs(wanted)) {
            return before.get();
        }
        before.ifPresent(old -> store.end(old.id(), "SUPERSEDED", actor, now));
        HeldContactChange held = store.hold(partner.id(), wanted, actor, now, now.plus(hold));
        audit(actor, "PARTNER_CONTACT_CHANGE_HELD", partner.id(), PartnerService.contactTrail(partner.channels())
                + " -> " + PartnerService.contactTrail(wanted) + " from " + held.effectiveAt());
        ContactChannels current = partner.channels();
        notifications.publish(NotificationEvent.PARTNER_CONTACT_CHANGE_PENDING, "partner-contact-change:" + held.id(),
                List.of(Recipient.partner(partner.id(), partner.corpName(), current.email(), current.extraEmails(),
                        current.mobile())),
                Map.of("corpName", partner.corpName(),
                        "newEmail", masked(ContactMasking.email(wanted.email())),
                        "newMobile", masked(mobile(wanted.mobile())),
                        "requestedAt", now, "effectiveAt", held.effectiveAt(), "supportContact", supportContact));
        return held;
    }

    @Transactional(readOnly = true)
    public Optional<HeldContactChange> held(long partnerId) {
        return store.held(partnerId);
    }

    /** Withdraws the partner's held change (the partner said it did not ask for it, or staff mistyped). */
    @Transactional
    public void cancel(long partnerId, String actor) {
        HeldContactChange held = store.heldForUpdate(partnerId).orElseThrow(() ->
                new ResourceNotFoundException("Partner " + partnerId + " has no contact change waiting"));
        store.end(held.id(), "CANCELLED", actor, clock.instant());
        audit(actor, "PARTNER_CONTACT_CHANGE_CANCELLED", partnerId, "held change " + held.id() + " to "
                + PartnerService.contactTrail(held.channels()) + " cancelled");
    }

    /** Puts every change whose hold has passed in force; several nodes share the work (SKIP LOCKED). */
    @Transactional
    public int applyDue() {
        Instant now = clock.instant();
        List<HeldContactChange> due = store.dueForUpdate(now, APPLY_BATCH);
        for (HeldContactChange change : due) {
            Partner partner = partners.findById(change.partnerId()).orElseThrow();
            String before = PartnerService.contactTrail(partner.channels());
            partner.applyChannels(change.channels(), now);
            partners.save(partner);
            store.end(change.id(), "APPLIED", "system", now);
            audit("system", "PARTNER_CONTACT_CHANGED", partner.id(), before + " -> "
                    + PartnerService.contactTrail(change.channels()) + " (held change " + change.id() + " by "
                    + change.requestedBy() + ", in force after the hold)");
        }
        return due.size();
    }

    Duration holdPeriod() {
        return hold;
    }

    private static String mobile(String mobile) {
        return mobile == null || mobile.length() < 4 ? null : "***-****-" + mobile.substring(mobile.length() - 4);
    }

    private static String masked(String value) {
        return value == null || value.isBlank() || "-".equals(value) ? "(없음)" : value;
    }

    private void audit(String actor, String action, long partnerId, String detail) {
        auditLog.save(AuditEntry.of(clock.instant(), actor, action, "partner", String.valueOf(partnerId), detail));
    }
}
