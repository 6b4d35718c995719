package io.billflow.partner.api;

import java.util.List;

/**
 * What an invoice needs of a partner or buyer company at the moment it is written: the party block of
 * the tax invoice. Invoices keep their own copy, so later edits to the partner never alter an invoice.
 */
public record PartnerSnapshot(long id, String corpNum, String taxRegId, String corpName, String ceoName, String addr,
                              String bizType, String bizClass, String contactName, String contactEmail,
                              String contactMobile, String contactTel, List<String> extraEmails,
                              boolean ntsLinked, boolean closed) {

    /**
     * An individual (원천징수 대상자) rather than a business: individuals have no business number (the
     * partner table enforces it), get no VAT and no tax invoice.
     */
    public boolean individual() {
        return corpNum == null;
    }
}
