package io.billflow.partner.adapter.web;

import java.time.Instant;
import java.util.List;

import io.billflow.partner.domain.BusinessState;
import io.billflow.partner.domain.Contact;
import io.billflow.partner.domain.Partner;
import io.billflow.partner.domain.PartnerType;

public record PartnerView(long id, int version, PartnerType partnerType, String corpNum, String taxRegId,
                          String corpName, String ceoName, String addr, String bizType, String bizClass,
                          Contact contact, List<String> extraEmails, BusinessState businessState,
                          Instant businessStateCheckedAt, boolean ntsLinked, Instant ntsLinkedAt, String ntsLinkedBy,
                          boolean invoiceable, Instant createdAt, Instant updatedAt) {

    static PartnerView of(Partner p) {
        return new PartnerView(p.id(), p.version(), p.partnerType(), p.corpNum(), p.taxRegId(), p.corpName(),
                p.ceoName(), p.addr(), p.bizType(), p.bizClass(), p.contact(), p.extraEmails(), p.businessState(),
                p.businessStateCheckedAt(), p.isNtsLinked(), p.ntsLinkedAt(), p.ntsLinkedBy(), p.isInvoiceable(),
                p.createdAt(), p.updatedAt());
    }
}
