package io.billflow.partner.domain;

import java.util.List;

import io.billflow.partner.api.PartnerType;

/** The editable data of a partner, already validated. {@code corpNum} is null for individuals. */
public record PartnerData(PartnerType partnerType, String corpNum, String taxRegId, String corpName, String ceoName,
                          String addr, String bizType, String bizClass, Contact contact, List<String> extraEmails) {

    /** The business data NTS knows (a change of it drops the NTS link). */
    public CompanyProfile profile() {
        return new CompanyProfile(taxRegId, corpName, ceoName, addr, bizType, bizClass);
    }
}
