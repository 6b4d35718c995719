package io.billflow.settlement.application;

import java.util.Optional;

import io.billflow.partner.api.PartnerDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The buyer of every settlement invoice: the platform operator's buyer company, named by
 * {@code billflow.settlement.buyer-corp-num}, or the only buyer company there is.
 */
@Component
class SettlementBuyer {

    private final PartnerDirectory partners;
    private final String corpNum;

    public SettlementBuyer(PartnerDirectory partners, @Value("${billflow.settlement.buyer-corp-num:}") String corpNum) {
        this.partners = partners;
        this.corpNum = corpNum == null ? "" : corpNum.replace("-", "").strip();
    }

    public Optional<Long> id() {
        return corpNum.isEmpty() ? partners.soleBuyerCompanyId() : partners.buyerCompanyIdByCorpNum(corpNum);
    }

    /** The buyer company id; a configuration error (surfaced as a failed job, then an incident) when unclear. */
    public long required() {
        return id().orElseThrow(() -> new IllegalStateException("billflow.settlement.buyer-corp-num "
                + "(BILLFLOW_SETTLEMENT_BUYER_CORP_NUM) must name the buyer company (the platform operator) that "
                + "settlement invoices are written to"));
    }
}
