package io.billflow.invoice.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.billflow.invoice.api.ChargeDirection;
import io.billflow.invoice.api.InvoiceContent;
import io.billflow.invoice.api.InvoiceState;
import io.billflow.invoice.api.InvoiceStateException;
import io.billflow.invoice.api.PurposeType;
import io.billflow.invoice.api.TaxInvoiceDetail;
import io.billflow.invoice.api.TaxType;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A reverse-issued (역발행) tax invoice: written by the buyer, approved and signed by the supplier.
 * State changes go through the methods here, each of which the caller records in the history.
 */
@Table("tax_invoice")
public class TaxInvoice {

    public static final String ISSUE_TYPE = "역발행";

    @Id
    private Long id;
    @Version
    private Integer version;
    private long buyerCompanyId;
    private long partnerId;
    private String invoiceeMgtKey;
    private String invoicerMgtKey;
    private LocalDate writeDate;
    private TaxType taxType;
    private PurposeType purposeType;
    private ChargeDirection chargeDirection;
    private long supplyCostTotal;
    private long taxTotal;
    private long totalAmount;
    private Long cash;
    private Long chkBill;
    private Long note;
    private Long credit;
    private String remark1;
    private String remark2;
    private String remark3;
    private Integer kwon;
    private Integer ho;
    private String serialNum;
    private boolean lateIssue;
    private Integer modifyCode;
    private String orgNtsConfirmNum;
    private String ntsConfirmNum;
    private int stateCode;
    private Instant stateAt;
    private Instant issuedAt;
    private LocalDate issuanceDeadline;
    @Embedded.Nullable(prefix = "invoicer_")
    private Party invoicer;
    @Embedded.Nullable(prefix = "invoicee_")
    private Party invoicee;
    @MappedCollection(idColumn = "invoice_id", keyColumn = "position")
    private List<TaxInvoiceDetail> detailList = new ArrayList<>();
    private Instant registeredAt;
    private String registeredBy;
    private Instant updatedAt;
    private Instant deletedAt;
    private String stateMemo;

    protected TaxInvoice() {
    }

    public static TaxInvoice draft(InvoiceContent content, Party invoicer, Party invoicee, LocalDate issuanceDeadline,
                                   String by, Instant now) {
        TaxInvoice invoice = new TaxInvoice();
        invoice.apply(content, invoicer, invoicee, issuanceDeadline, now);
        invoice.stateCode = InvoiceState.DRAFT.code();
        invoice.stateAt = now;
        invoice.registeredAt = now;
        invoice.registeredBy = by;
        return invoice;
    }

    public void updateDraft(InvoiceContent content, Party invoicer, Party invoicee, LocalDate issuanceDeadline,
                            Instant now) {
        requireState(InvoiceState.DRAFT, "only a draft (임시저장) can be edited");
        apply(content, invoicer, invoicee, issuanceDeadline, now);
    }

    private void apply(InvoiceContent c, Party invoicer, Party invoicee, LocalDate deadline, Instant now) {
        buyerCompanyId = c.buyerCompanyId();
        partnerId = c.partnerId();
        invoiceeMgtKey = c.invoiceeMgtKey();
        invoicerMgtKey = c.invoicerMgtKey();
        writeDate = c.writeDate();
        taxType = c.taxType();
        purposeType = c.purposeType();
        chargeDirection = c.chargeDirection();
        supplyCostTotal = c.supplyCostTotal();
        taxTotal = c.taxTotal();
        totalAmount = c.totalAmount();
        cash = c.cash();
        chkBill = c.chkBill();
        note = c.note();
        credit = c.credit();
        remark1 = c.remark1();
        remark2 = c.remark2();
        remark3 = c.remark3();
        kwon = c.kwon();
        ho = c.ho();
        serialNum = c.serialNum();
        lateIssue = c.lateIssue();
        modifyCode = c.modifyCode();
        orgNtsConfirmNum = c.orgNtsConfirmNum();
        detailList = new ArrayList<>(c.detailList());
        this.invoicer = invoicer;
        this.invoicee = invoicee;
        issuanceDeadline = deadline;
        updatedAt = now;
    }

    /** The content of this invoice, e.g. as the starting point of an amendment. */
    public InvoiceContent content() {
        return new InvoiceContent(buyerCompanyId, partnerId, invoiceeMgtKey, invoicerMgtKey, writeDate, taxType,
                purposeType, chargeDirection, supplyCostTotal, taxTotal, totalAmount, cash, chkBill, note, credit, remark1,
                remark2, remark3, kwon, ho, serialNum, lateIssue, modifyCode, orgNtsConfirmNum, List.copyOf(detailList));
    }

    /** 100 → 200: the buyer asks the supplier to issue. Returns the previous state. */
    public InvoiceState request(Instant now) {
        return moveTo(InvoiceState.REQUESTED, now, InvoiceState.DRAFT);
    }

    /** 200 → 500: the buyer withdraws the request before the supplier issues. */
    public InvoiceState cancelRequest(Instant now) {
        return moveTo(InvoiceState.REQUEST_CANCELLED, now, InvoiceState.REQUESTED);
    }

    /** 200 → 300: the supplier approved and signed; the invoice now has its NTS approval number. */
    public InvoiceState issue(String approvalNumber, Instant now) {
        InvoiceState from = moveTo(InvoiceState.ISSUED, now, InvoiceState.REQUESTED);
        ntsConfirmNum = approvalNumber;
        issuedAt = now;
        return from;
    }

    /** 200 → 400: the supplier refuses the request, with its reason. */
    public InvoiceState refuse(String reason, Instant now) {
        InvoiceState from = moveTo(InvoiceState.REFUSED, now, InvoiceState.REQUESTED);
        stateMemo = reason;
        return from;
    }

    /** 300/301 → 600: the supplier cancels the issue before the invoice is transmitted. */
    public InvoiceState cancelIssue(String memo, Instant now) {
        InvoiceState from = moveTo(InvoiceState.ISSUE_CANCELLED, now, InvoiceState.ISSUED,
                InvoiceState.BEFORE_TRANSMISSION);
        stateMemo = memo;
        return from;
    }

    /** 300/301 → 302: picked for transmission (the cancel window closes). */
    public InvoiceState queueForTransmission(Instant now) {
        return moveTo(InvoiceState.QUEUED, now, InvoiceState.ISSUED, InvoiceState.BEFORE_TRANSMISSION);
    }

    /** 302 → 303: handed over to NTS, verdict pending. */
    public InvoiceState startTransmission(Instant now) {
        return moveTo(InvoiceState.TRANSMITTING, now, InvoiceState.QUEUED);
    }

    /** 303 → 304: NTS accepted it. */
    public InvoiceState transmitted(Instant now) {
        return moveTo(InvoiceState.TRANSMITTED, now, InvoiceState.TRANSMITTING);
    }

    /** 305 → 302: operations fixed the cause; the same signed document goes out again. */
    public InvoiceState retransmit(Instant now) {
        return moveTo(InvoiceState.QUEUED, now, InvoiceState.TRANSMISSION_FAILED);
    }

    /** 303 → 305: NTS refused it with an error code. */
    public InvoiceState transmissionFailed(String codeAndMessage, Instant now) {
        InvoiceState from = moveTo(InvoiceState.TRANSMISSION_FAILED, now, InvoiceState.TRANSMITTING);
        stateMemo = codeAndMessage;
        return from;
    }

    /** Marks a deletable invoice deleted; its management key may then be reused. */
    public InvoiceState delete(Instant now) {
        InvoiceState current = state();
        if (!current.isDeletable()) {
            throw new InvoiceStateException("an invoice in state " + current.code() + " (" + current.koreanName()
                    + ") cannot be deleted");
        }
        deletedAt = now;
        updatedAt = now;
        return current;
    }

    private InvoiceState moveTo(InvoiceState target, Instant now, InvoiceState... allowedFrom) {
        InvoiceState current = state();
        for (InvoiceState allowed : allowedFrom) {
            if (current == allowed) {
                stateCode = target.code();
                stateAt = now;
                updatedAt = now;
                return current;
            }
        }
        throw new InvoiceStateException("cannot move from " + current.code() + " (" + current.koreanName() + ") to "
                + target.code() + " (" + target.koreanName() + ")");
    }

    private void requireState(InvoiceState required, String message) {
        if (state() != required) {
            throw new InvoiceStateException(message + "; this one is " + stateCode + " (" + state().koreanName() + ")");
        }
    }

    public InvoiceState state() {
        return InvoiceState.of(stateCode);
    }

    public Long id() { return id; }
    public Integer version() { return version; }
    public long buyerCompanyId() { return buyerCompanyId; }
    public long partnerId() { return partnerId; }
    public String invoiceeMgtKey() { return invoiceeMgtKey; }
    public String invoicerMgtKey() { return invoicerMgtKey; }
    public LocalDate writeDate() { return writeDate; }
    public TaxType taxType() { return taxType; }
    public PurposeType purposeType() { return purposeType; }
    public ChargeDirection chargeDirection() { return chargeDirection; }
    public long supplyCostTotal() { return supplyCostTotal; }
    public long taxTotal() { return taxTotal; }
    public long totalAmount() { return totalAmount; }
    public Long cash() { return cash; }
    public Long chkBill() { return chkBill; }
    public Long note() { return note; }
    public Long credit() { return credit; }
    public String remark1() { return remark1; }
    public String remark2() { return remark2; }
    public String remark3() { return remark3; }
    public Integer kwon() { return kwon; }
    public Integer ho() { return ho; }
    public String serialNum() { return serialNum; }
    public boolean lateIssue() { return lateIssue; }
    public Integer modifyCode() { return modifyCode; }
    public String orgNtsConfirmNum() { return orgNtsConfirmNum; }
    public String ntsConfirmNum() { return ntsConfirmNum; }
    public int stateCode() { return stateCode; }
    public Instant stateAt() { return stateAt; }
    public Instant issuedAt() { return issuedAt; }
    public LocalDate issuanceDeadline() { return issuanceDeadline; }
    public Party invoicer() { return invoicer; }
    public Party invoicee() { return invoicee; }
    public List<TaxInvoiceDetail> detailList() { return List.copyOf(detailList); }
    public Instant registeredAt() { return registeredAt; }
    public String registeredBy() { return registeredBy; }
    public Instant updatedAt() { return updatedAt; }
    public Instant deletedAt() { return deletedAt; }
    public String stateMemo() { return stateMemo; }
}
