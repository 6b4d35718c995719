package io.billflow.partner.adapter.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.billflow.partner.api.ContactMasking;
import io.billflow.partner.api.PartnerType;
import io.billflow.partner.domain.HeldContactChange;

import io.billflow.partner.domain.BusinessState;
import io.billflow.partner.domain.Contact;
import io.billflow.partner.domain.Partner;

public record PartnerView(long id, int version, PartnerType partnerType, String corpNum, String taxRegId,
                          String corpName, String ceoName, String addr, String bizType, String bizClass,
                          Contact contact, List<String> extraEmails, BusinessState businessState,
                          Instant businessStateCheckedAt, boolean ntsLinked, Instant ntsLinkedAt, String ntsLinkedBy,
                          boolean invoiceable, Instant createdAt, Instant updatedAt,
                          PendingContactChange pendingContactChange) {

    /**
     * A staff change of the contacts that is waiting for its hold to pass: what it will be (masked — staff see
     * that a change waits, not an address book) and when; {@code DELETE /api/partners/{id}/contact-change} cancels it.
     */
    public record PendingContactChange(String email, String mobile, List<String> extraEmails, String requestedBy,
                                       Instant requestedAt, Instant effectiveAt) {

        static PendingContactChange of(HeldContactChange held) {
            return new PendingContactChange(ContactMasking.email(held.channels().email()),
                    held.channels().mobile() == null || held.channels().mobile().length() < 4 ? "-"
                            : "***-****-" + held.channels().mobile().substring(held.channels().mobile().length() - 4),
                    held.channels().extraEmails().stream().map(ContactMasking::email).toList(), held.requestedBy(),
                    held.requestedAt(), held.effectiveAt());
        }
    }

    static PartnerView of(Partner p, Optional<HeldContactChange> held) {
        return new PartnerView(p.id(), p.version(), p.partnerType(), p.corpNum(), p.taxRegId(), p.corpName(),
                p.ceoName(), p.addr(), p.bizType(), p.bizClass(), p.contact(), p.extraEmails(), p.businessState(),
                p.businessStateCheckedAt(), p.isNtsLinked(), p.ntsLinkedAt(), p.ntsLinkedBy(), p.isInvoiceable(),
                p.createdAt(), p.updatedAt(), held.map(PendingContactChange::of).orElse(null));
    }
}
