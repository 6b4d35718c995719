package io.billflow.invoice.bulk;

import java.util.List;
import java.util.Set;

/**
 * The columns of a bulk file. One row is one line item; consecutive rows with the same
 * {@code invoiceeMgtKey} form one invoice (up to 99 rows), whose header columns are read from its
 * first row (later rows may repeat them or leave them blank). Totals are the sums of the lines; a blank
 * {@code tax} is computed (10% truncated for 과세, 0 otherwise).
 */
public final class BulkColumns {

    public static final String MGT_KEY = "invoiceeMgtKey";
    public static final String BUYER = "buyerCorpNum";
    public static final String PARTNER = "partnerCorpNum";
    public static final String PARTNER_TAX_REG_ID = "partnerTaxRegID";
    public static final String WRITE_DATE = "writeDate";
    public static final String TAX_TYPE = "taxType";
    public static final String PURPOSE_TYPE = "purposeType";
    public static final String CHARGE_DIRECTION = "chargeDirection";
    public static final String REMARK1 = "remark1";
    public static final String REMARK2 = "remark2";
    public static final String REMARK3 = "remark3";
    public static final String LATE_ISSUE = "lateIssue";
    public static final String PURCHASE_DT = "purchaseDT";
    public static final String ITEM_NAME = "itemName";
    public static final String SPEC = "spec";
    public static final String QTY = "qty";
    public static final String UNIT_COST = "unitCost";
    public static final String SUPPLY_COST = "supplyCost";
    public static final String TAX = "tax";
    public static final String LINE_REMARK = "lineRemark";

    public static final List<String> ALL = List.of(MGT_KEY, BUYER, PARTNER, PARTNER_TAX_REG_ID, WRITE_DATE, TAX_TYPE,
            PURPOSE_TYPE, CHARGE_DIRECTION, REMARK1, REMARK2, REMARK3, LATE_ISSUE, PURCHASE_DT, ITEM_NAME, SPEC, QTY,
            UNIT_COST, SUPPLY_COST, TAX, LINE_REMARK);

    public static final Set<String> REQUIRED = Set.of(MGT_KEY, BUYER, PARTNER, WRITE_DATE, TAX_TYPE, PURPOSE_TYPE,
            SUPPLY_COST);

    /** Header columns: the same for every row of one invoice. */
    public static final List<String> INVOICE_LEVEL = List.of(BUYER, PARTNER, PARTNER_TAX_REG_ID, WRITE_DATE, TAX_TYPE,
            PURPOSE_TYPE, CHARGE_DIRECTION, REMARK1, REMARK2, REMARK3, LATE_ISSUE);

    /** Two example rows (one invoice, two lines) for the downloadable template. */
    public static List<List<String>> exampleRows(String buyerCorpNum, String partnerCorpNum, String date) {
        return List.of(
                List.of("AD-2026-10-0001", buyerCorpNum, partnerCorpNum, "", date, "과세", "청구", "정과금",
                        "2026년 10월 광고 정산", "", "", "false", date, "디스플레이 광고", "CPM", "1000", "1000", "1000000",
                        "100000", "10월분"),
                List.of("AD-2026-10-0001", "", "", "", "", "", "", "", "", "", "", "", date, "검색 광고", "", "1",
                        "500000", "500000", "", ""));
    }

    private BulkColumns() {
    }
}
