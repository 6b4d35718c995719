package io.billflow.partner.api;

import java.util.List;
import java.util.Optional;

/** The partner module's face to other modules (invoice, settlement). */
public interface PartnerDirectory {

    Optional<PartnerSnapshot> partner(long partnerId);

    /**
     * The partner with a business status no older than a day: looked up again (휴폐업 조회) when it is
     * stale, so a business that closed since it was linked cannot receive new requests. When the status
     * service is down the last known state is used.
     */
    Optional<PartnerSnapshot> partnerWithFreshStatus(long partnerId);

    Optional<PartnerSnapshot> buyerCompany(long buyerCompanyId);

    /** The partner registered under this business number and 종사업장 (null for the head office). */
    Optional<Long> partnerIdByCorpNum(String corpNum, String taxRegId);

    /** Every partner under this business number: the head office and its 종사업장. */
    List<Long> partnerIdsByCorpNum(String corpNum);

    Optional<Long> buyerCompanyIdByCorpNum(String corpNum);

    /** The buyer company when there is exactly one; empty when there is none or there are several. */
    Optional<Long> soleBuyerCompanyId();
}
