package io.billflow.invoice.xml;

import io.billflow.invoice.api.TaxType;

/** The codes of the NTS standard (전자세금계산서 항목표) that billflow writes. */
final class NtsCodes {

    static final String PAYMENT_CASH = "10";
    static final String PAYMENT_CHECK = "20";
    static final String PAYMENT_NOTE = "30";
    static final String PAYMENT_CREDIT = "40";

    /** InvoiceeParty/SpecifiedOrganization/BusinessTypeCode: the buyer is identified by a business number. */
    static final String INVOICEE_BY_BUSINESS_NUMBER = "01";

    private NtsCodes() {
    }

    /**
     * TypeCode = kind + sort. Kind: 01 세금계산서, 02 수정세금계산서, 03 계산서 (면세), 04 수정계산서.
     * Sort: 01 general, 02 zero-rated (영세율). A 면세 document is a 계산서, never zero-rated.
     */
    static String typeCode(TaxType taxType, boolean amendment) {
        String kind = switch (taxType) {
            case TAXABLE, ZERO_RATED -> amendment ? "02" : "01";
            case EXEMPT -> amendment ? "04" : "03";
        };
        String sort = taxType == TaxType.ZERO_RATED ? "02" : "01";
        return kind + sort;
    }

    /** Popbill's modifyCode 1–6 is the standard's AmendmentStatusCode 01–06. */
    static String amendmentStatusCode(Integer modifyCode) {
        return modifyCode == null ? null : String.format("%02d", modifyCode);
    }
}
