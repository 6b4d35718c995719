package io.billflow.partner.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.billflow.notification.api.NotificationEvent;
import io.billflow.notification.api.Notifications;
import io.billflow.notification.api.Recipient;
import io.billflow.partner.api.BusinessNumber;
import io.billflow.partner.api.PartnerNamed;
import io.billflow.partner.api.PartnerType;
import io.billflow.partner.domain.BusinessState;
import io.billflow.partner.domain.Contact;
import io.billflow.partner.domain.ContactChannels;
import io.billflow.partner.domain.Partner;
import io.billflow.partner.domain.PartnerData;
import io.billflow.platform.audit.AuditEntry;
import io.billflow.platform.audit.AuditLog;
import io.billflow.platform.web.ConflictException;
import io.billflow.platform.web.FieldViolation;
import io.billflow.platform.web.InvalidInputException;
import io.billflow.platform.web.ResourceNotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Partner use cases: register, edit, link to / unlink from NTS, refresh the business status. */
@Service
public class PartnerService {

    private final PartnerRepository partners;
    private final ContactChangeHold contactChanges;
    private final BusinessStatusPort businessStatus;
    private final Notifications notifications;
    private final AuditLog auditLog;
    private final Clock clock;
    private final String baseUrl;
    private final ApplicationEventPublisher events;

    public PartnerService(PartnerRepository partners, ContactChangeHold contactChanges,
                          BusinessStatusPort businessStatus, Notifications notifications, AuditLog auditLog,
                          Clock clock, @Value("${billflow.base-url}") String baseUrl,
                          ApplicationEventPublisher events) {
        this.events = events;
        this.partners = partners;
        this.contactChanges = contactChanges;
        this.businessStatus = businessStatus;
        this.notifications = notifications;
        this.auditLog = auditLog;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    @Transactional
    public Partner register(PartnerData data) {
        validate(data);
        if (data.corpNum() != null) {
            partners.findByCorpNumAndTaxRegId(data.corpNum(), data.taxRegId()).ifPresent(existing -> {
                throw new ConflictException("corpNum", "A partner with business number " + data.corpNum()
                        + (data.taxRegId() == null ? "" : " / 종사업장 " + data.taxRegId())
                        + " exists already (id " + existing.id() + ")");
            });
        }
        Partner partner = Partner.create(data, clock.instant());
        if (partner.partnerType() == PartnerType.BUSINESS) {
            refreshQuietly(partner);
        }
        try {
            return named(partners.save(partner));
        } catch (DuplicateKeyException race) {
            throw new ConflictException("corpNum", "A partner with business number " + data.corpNum() + " exists already");
        }
    }

    @Transactional
    public Partner update(long id, int expectedVersion, PartnerData data, String actor) {
        Partner partner = get(id);
        if (!Objects.equals(partner.version(), expectedVersion)) {
            throw new ConflictException("version", "The partner was changed by someone else (version "
                    + partner.version() + "); reload and apply your change again");
        }
        if (data.partnerType() != partner.partnerType() || !Objects.equals(data.corpNum(), partner.corpNum())) {
            throw new InvalidInputException(List.of(FieldViolation.of("corpNum",
                    "the business number and partner type cannot change; register a new partner")));
        }
        validate(data);
        ContactChannels wanted = ContactChannels.of(data.contact(), data.extraEmails());
        boolean held = contactChanges.mustHold(partner, wanted);
        PartnerData applied = data;
        if (held) {
            // the links and codes keep going to the contacts in place until the hold has passed (ADR 0001)
            ContactChannels current = partner.channels();
            applied = new PartnerData(data.partnerType(), data.corpNum(), data.taxRegId(), data.corpName(),
                    data.ceoName(), data.addr(), data.bizType(), data.bizClass(),
                    new Contact(data.contact().name(), current.email(), current.mobile(), data.contact().tel()),
                    current.extraEmails());
        } else if (!partner.channels().sameAs(wanted)) {
            audit(actor, "PARTNER_CONTACT_CHANGED", partner, contactTrail(partner.channels()) + " -> "
                    + contactTrail(wanted) + " (first contact: nobody to warn)");
        }
        if (partner.update(applied, clock.instant())) {
            audit(actor, "PARTNER_NTS_UNLINKED", partner, "business data changed");
        }
        if (held) {
            contactChanges.hold(partner, wanted, actor);
        }
        try {
            return named(partners.save(partner));
        } catch (OptimisticLockingFailureException race) {
            throw new ConflictException("version", "The partner was changed by someone else; reload and retry");
        }
    }

    /** Tells the modules that keep a copy of who a partner is (in this transaction, so the copy cannot lag). */
    private Partner named(Partner saved) {
        events.publishEvent(new PartnerNamed(saved.id(), saved.partnerType(), saved.corpNum(), saved.corpName()));
        return saved;
    }

    /** 국세청 연동: validates what NTS needs, checks the business is not closed, records and notifies. */
    @Transactional
    public Partner link(long id, String actor) {
        Partner partner = get(id);
        if (partner.partnerType() != PartnerType.BUSINESS) {
            throw new InvalidInputException("partnerType", "individuals are paid with withholding and never invoiced");
        }
        List<FieldViolation> missing = new ArrayList<>();
        requirePresent(missing, "ceoName", partner.ceoName());
        requirePresent(missing, "addr", partner.addr());
        requirePresent(missing, "bizType", partner.bizType());
        requirePresent(missing, "bizClass", partner.bizClass());
        requirePresent(missing, "contact.email", partner.contact().email());
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
        refresh(partner);
        if (partner.businessState() == BusinessState.CLOSED) {
            throw new ConflictException("corpNum", "The business is closed (폐업자); it cannot be linked");
        }
        if (partner.isNtsLinked()) {
            return partner;
        }
        partner.link(actor, clock.instant());
        Partner saved = partners.save(partner);
        audit(actor, "PARTNER_NTS_LINKED", saved, null);
        notifications.publish(NotificationEvent.PARTNER_NTS_LINKED, "partner-linked:" + saved.id() + ":" + saved.ntsLinkedAt(),
                List.of(Recipient.partner(saved.id(), saved.corpName(), saved.contact().email(), saved.extraEmails(),
                        saved.contact().mobile())),
                Map.of("corpName", saved.corpName(), "corpNum", saved.corpNum(), "linkedAt", saved.ntsLinkedAt(),
                        "link", baseUrl));
        return saved;
    }

    @Transactional
    public Partner unlink(long id, String actor) {
        Partner partner = get(id);
        if (partner.isNtsLinked()) {
            partner.unlink();
            partner = partners.save(partner);
            audit(actor, "PARTNER_NTS_UNLINKED", partner, "unlinked by request");
        }
        return partner;
    }

    @Transactional
    public Partner refreshBusinessStatus(long id) {
        Partner partner = get(id);
        if (partner.partnerType() != PartnerType.BUSINESS) {
            throw new InvalidInputException("partnerType", "individuals have no business status");
        }
        refresh(partner);
        return partners.save(partner);
    }

    /** Like {@link #refreshBusinessStatus} but committed on its own: what NTS said stays known even if the caller rolls back. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    public Partner refreshBusinessStatusIndependently(long id) {
        return refreshBusinessStatus(id);
    }

    @Transactional(readOnly = true)
    public Partner get(long id) {
        return partners.findById(id).orElseThrow(() -> new ResourceNotFoundException("No partner " + id));
    }

    private void refresh(Partner partner) {
        BusinessStatusPort.BusinessStatus status = businessStatus.lookUp(new BusinessNumber(partner.corpNum()));
        partner.recordBusinessState(status.state(), status.checkedAt());
    }

    private void refreshQuietly(Partner partner) {
        try {
            refresh(partner);
        } catch (BusinessStatusPort.BusinessStatusUnavailableException e) {
            // registration does not depend on it; linking checks again and refuses while it is unknown-closed
        }
    }

    private static void validate(PartnerData data) {
        List<FieldViolation> violations = new ArrayList<>();
        if (data.partnerType() == PartnerType.BUSINESS) {
            if (data.corpNum() == null) {
                violations.add(FieldViolation.of("corpNum", "is required for a business"));
            }
            requirePresent(violations, "ceoName", data.ceoName());
        } else {
            if (data.corpNum() != null) {
                violations.add(FieldViolation.of("corpNum", "individuals have no business number"));
            }
            if (data.taxRegId() != null) {
                violations.add(FieldViolation.of("taxRegId", "individuals have no 종사업장"));
            }
        }
        if (data.extraEmails().stream().distinct().count() != data.extraEmails().size()) {
            violations.add(FieldViolation.of("extraEmails", "must not repeat an address"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    private static void requirePresent(List<FieldViolation> violations, String field, String value) {
        if (value == null || value.isBlank()) {
            violations.add(FieldViolation.of(field, "is required"));
        }
    }

    /** The contacts a partner's links and codes go to, masked for the audit log (who changed what, not a copy). */
    static String contactTrail(ContactChannels channels) {
        return contactTrail(channels.email(), channels.mobile(), channels.extraEmails());
    }

    static String contactTrail(String email, String mobile, List<String> extraEmails) {
        return "email=" + io.billflow.partner.api.ContactMasking.email(email) + ", mobile=" + (mobile == null || mobile.length() < 4 ? "-"
                : "***" + mobile.substring(mobile.length() - 4)) + ", extra="
                + (extraEmails == null ? List.of() : extraEmails.stream().map(io.billflow.partner.api.ContactMasking::email).toList());
    }

    private void audit(String actor, String action, Partner partner, String detail) {
        auditLog.save(AuditEntry.of(clock.instant(), actor, action, "partner", String.valueOf(partner.id()), detail));
    }

}
