package io.billflow.invoice.api;

import java.time.LocalDate;
import java.util.List;

import io.billflow.invoice.api.ChargeDirection;
import io.billflow.invoice.api.PurposeType;
import io.billflow.invoice.api.TaxType;

/**
 * Everything the buyer writes on an invoice, already parsed (not yet validated against the rules).
 * Parties are not part of it: they are copied from the partner and the buyer company.
 */
public record InvoiceContent(long buyerCompanyId, long partnerId, String invoiceeMgtKey, String invoicerMgtKey,
                             LocalDate writeDate, TaxType taxType, PurposeType purposeType,
                             ChargeDirection chargeDirection, long supplyCostTotal, long taxTotal, long totalAmount,
                             Long cash, Long chkBill, Long note, Long credit, String remark1, String remark2,
                             String remark3, Integer kwon, Integer ho, String serialNum, boolean lateIssue,
                             Integer modifyCode, String orgNtsConfirmNum, List<TaxInvoiceDetail> detailList) {
}
