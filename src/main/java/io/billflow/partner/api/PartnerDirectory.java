package io.billflow.partner.api;

import java.util.Optional;

/** The partner module's face to other modules (invoice, settlement). */
public interface PartnerDirectory {

    Optional<PartnerSnapshot> partner(long partnerId);

    Optional<PartnerSnapshot> buyerCompany(long buyerCompanyId);

    /** The partner registered under this business number and 종사업장 (null for the head office). */
    Optional<Long> partnerIdByCorpNum(String corpNum, String taxRegId);

    Optional<Long> buyerCompanyIdByCorpNum(String corpNum);
}
