package io.billflow.invoice.adapter.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.billflow.invoice.api.ChargeDirection;
import io.billflow.invoice.api.PurposeType;
import io.billflow.invoice.api.TaxInvoiceDetail;
import io.billflow.invoice.api.TaxType;
import io.billflow.invoice.domain.Party;
import io.billflow.invoice.domain.TaxInvoice;

/** An invoice as the API shows it: Popbill's flat field names, dates as {@code yyyyMMdd}. */
public record InvoiceView(
        long id, int version, long buyerCompanyId, long partnerId, String issueType, String invoiceeMgtKey,
        String invoicerMgtKey, String writeDate, TaxType taxType, PurposeType purposeType,
        ChargeDirection chargeDirection, long supplyCostTotal, long taxTotal, long totalAmount, Long cash, Long chkBill,
        Long note, Long credit, String remark1, String remark2, String remark3, Integer kwon, Integer ho,
        String serialNum, boolean lateIssue, Integer modifyCode,
        @JsonProperty("orgNTSConfirmNum") String orgNTSConfirmNum,
        String ntsConfirmNum, int stateCode, String stateName, Instant stateDT, Instant issueDT,
        String issuanceDeadline,
        String invoicerCorpNum, @JsonProperty("invoicerTaxRegID") String invoicerTaxRegID, String invoicerCorpName,
        @JsonProperty("invoicerCEOName") String invoicerCEOName, String invoicerAddr, String invoicerBizType,
        String invoicerBizClass, String invoicerContactName, String invoicerEmail,
        @JsonProperty("invoicerHP") String invoicerHP, @JsonProperty("invoicerTEL") String invoicerTEL,
        String invoiceeType, String invoiceeCorpNum, @JsonProperty("invoiceeTaxRegID") String invoiceeTaxRegID,
        String invoiceeCorpName, @JsonProperty("invoiceeCEOName") String invoiceeCEOName, String invoiceeAddr,
        String invoiceeBizType, String invoiceeBizClass, String invoiceeContactName1, String invoiceeEmail1,
        @JsonProperty("invoiceeHP1") String invoiceeHP1, @JsonProperty("invoiceeTEL1") String invoiceeTEL1,
        List<LineView> detailList, Instant regDT, String registeredBy, Instant updatedAt, String stateMemo,
        String processActivity) {

    /** The same view with the process's current activity (e.g. {@code Gateway_AwaitSupplier}). */
    InvoiceView withProcessActivity(String activity) {
        return new InvoiceView(id, version, buyerCompanyId, partnerId, issueType, invoiceeMgtKey, invoicerMgtKey, writeDate,
                taxType, purposeType, chargeDirection, supplyCostTotal, taxTotal, totalAmount, cash, chkBill, note, credit,
                remark1, remark2, remark3, kwon, ho, serialNum, lateIssue, modifyCode, orgNTSConfirmNum, ntsConfirmNum,
                stateCode, stateName, stateDT, issueDT, issuanceDeadline, invoicerCorpNum, invoicerTaxRegID,
                invoicerCorpName, invoicerCEOName, invoicerAddr, invoicerBizType, invoicerBizClass, invoicerContactName,
                invoicerEmail, invoicerHP, invoicerTEL, invoiceeType, invoiceeCorpNum, invoiceeTaxRegID, invoiceeCorpName,
                invoiceeCEOName, invoiceeAddr, invoiceeBizType, invoiceeBizClass, invoiceeContactName1, invoiceeEmail1,
                invoiceeHP1, invoiceeTEL1, detailList, regDT, registeredBy, updatedAt, stateMemo, activity);
    }

    static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;

    public record LineView(int serialNum, @JsonProperty("purchaseDT") String purchaseDT, String itemName, String spec,
                           BigDecimal qty, Long unitCost, long supplyCost, long tax, String remark) {
        static LineView of(TaxInvoiceDetail d) {
            return new LineView(d.serialNum(), ymd(d.purchaseDT()), d.itemName(), d.spec(), d.qty(), d.unitCost(),
                    d.supplyCost(), d.tax(), d.remark());
        }
    }

    static InvoiceView of(TaxInvoice i) {
        Party r = i.invoicer();
        Party e = i.invoicee();
        return new InvoiceView(i.id(), i.version(), i.buyerCompanyId(), i.partnerId(), TaxInvoice.ISSUE_TYPE,
                i.invoiceeMgtKey(), i.invoicerMgtKey(), ymd(i.writeDate()), i.taxType(), i.purposeType(),
                i.chargeDirection(), i.supplyCostTotal(), i.taxTotal(), i.totalAmount(), i.cash(), i.chkBill(),
                i.note(), i.credit(), i.remark1(), i.remark2(), i.remark3(), i.kwon(), i.ho(), i.serialNum(),
                i.lateIssue(), i.modifyCode(), i.orgNtsConfirmNum(), i.ntsConfirmNum(), i.stateCode(),
                i.state().koreanName(), i.stateAt(), i.issuedAt(), ymd(i.issuanceDeadline()),
                r.corpNum(), r.taxRegId(), r.corpName(), r.ceoName(), r.addr(), r.bizType(), r.bizClass(),
                r.contactName(), r.email(), r.hp(), r.tel(),
                "사업자", e.corpNum(), e.taxRegId(), e.corpName(), e.ceoName(), e.addr(), e.bizType(), e.bizClass(),
                e.contactName(), e.email(), e.hp(), e.tel(),
                i.detailList().stream().map(LineView::of).toList(), i.registeredAt(), i.registeredBy(), i.updatedAt(),
                i.stateMemo(), null);
    }

    static String ymd(LocalDate date) {
        return date == null ? null : YMD.format(date);
    }
}
