package io.billflow.invoice.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.billflow.invoice.api.InvoiceContent;
import io.billflow.invoice.api.InvoiceState;
import io.billflow.invoice.api.TaxInvoiceDetail;
import io.billflow.invoice.api.TaxType;
import io.billflow.invoice.domain.TaxInvoice;
import io.billflow.platform.web.ConflictException;
import io.billflow.platform.web.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 수정세금계산서: the documents each amendment code requires, written as drafts that reference the
 * transmitted original's approval number.
 *
 * <pre>
 * 1 기재사항 착오정정   negative copy + corrected invoice     original write date
 * 2 공급가액 변동       one invoice for the ± difference       date of the change
 * 3 환입               one negative invoice for the returns   date of the return
 * 4 계약의 해제         negative copy of the full amount       date of cancellation
 * 5 내국신용장 사후개설  negative copy + zero-rated (영세) copy  original write date
 * 6 착오에 의한 이중발급  negative copy                          original write date
 * </pre>
 */
@Service
public class AmendmentService {

    /** What the buyer supplies; which fields are needed depends on the code (see the class comment). */
    public record Amendment(int modifyCode, LocalDate writeDate, List<TaxInvoiceDetail> detailList,
                            List<String> invoiceeMgtKeys, String memo) {
    }

    private final InvoiceService invoices;

    public AmendmentService(InvoiceService invoices) {
        this.invoices = invoices;
    }

    @Transactional
    public List<TaxInvoice> amend(long originalId, Amendment amendment, String actor) {
        TaxInvoice original = invoices.get(originalId);
        if (original.state() != InvoiceState.TRANSMITTED || original.ntsConfirmNum() == null) {
            throw new ConflictException("modifyCode", "only an invoice transmitted to NTS (304) can be amended; this one is "
                    + original.stateCode() + " (" + original.state().koreanName() + "). Before transmission the "
                    + "supplier cancels the issue instead; after a failed transmission a new invoice is written");
        }
        if (original.modifyCode() != null) {
            throw new ConflictException("modifyCode", "amend the original invoice, not an amendment");
        }
        InvoiceContent base = original.content();
        List<InvoiceContent> documents = switch (amendment.modifyCode()) {
            case 1 -> List.of(negated(base, 1, original.writeDate()),
                    withLines(base, 1, original.writeDate(), required(amendment.detailList(), 1), base.taxType()));
            case 2 -> List.of(withLines(base, 2, requiredDate(amendment), required(amendment.detailList(), 2),
                    base.taxType()));
            case 3 -> List.of(withLines(base, 3, requiredDate(amendment), negativeOnly(required(amendment.detailList(), 3)),
                    base.taxType()));
            case 4 -> List.of(negated(base, 4, requiredDate(amendment)));
            case 5 -> {
                if (base.taxType() != TaxType.TAXABLE) {
                    throw new InvalidInputException("modifyCode", "code 5 replaces a 과세 invoice by a 영세 one");
                }
                yield List.of(negated(base, 5, original.writeDate()),
                        withLines(base, 5, original.writeDate(), zeroRated(base.detailList()), TaxType.ZERO_RATED));
            }
            case 6 -> List.of(negated(base, 6, original.writeDate()));
            default -> throw new InvalidInputException("modifyCode", "must be 1 to 6");
        };
        List<String> keys = keys(original, amendment, documents.size());
        List<TaxInvoice> drafts = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            InvoiceContent c = documents.get(i);
            InvoiceContent keyed = new InvoiceContent(c.buyerCompanyId(), c.partnerId(), keys.get(i), null, c.writeDate(),
                    c.taxType(), c.purposeType(), c.chargeDirection(), c.supplyCostTotal(), c.taxTotal(), c.totalAmount(),
                    null, null, null, null, c.remark1(), c.remark2(), c.remark3(), null, null, null, false,
                    amendment.modifyCode(), original.ntsConfirmNum(), c.detailList());
            drafts.add(invoices.createDraft(keyed, actor, "수정세금계산서 (코드 " + amendment.modifyCode() + ") of invoice "
                    + original.id() + (amendment.memo() == null ? "" : ": " + amendment.memo())));
        }
        return drafts;
    }

    private static InvoiceContent negated(InvoiceContent base, int code, LocalDate writeDate) {
        List<TaxInvoiceDetail> lines = base.detailList().stream().map(l -> new TaxInvoiceDetail(l.serialNum(),
                l.purchaseDT(), l.itemName(), l.spec(), l.qty() == null ? null : l.qty().negate(), l.unitCost(),
                -l.supplyCost(), -l.tax(), l.remark())).toList();
        return withLines(base, code, writeDate, lines, base.taxType());
    }

    private static InvoiceContent withLines(InvoiceContent base, int code, LocalDate writeDate,
                                            List<TaxInvoiceDetail> lines, TaxType taxType) {
        long supply = lines.stream().mapToLong(TaxInvoiceDetail::supplyCost).sum();
        long tax = lines.stream().mapToLong(TaxInvoiceDetail::tax).sum();
        String remark = "원 작성일자 " + base.writeDate();
        return new InvoiceContent(base.buyerCompanyId(), base.partnerId(), base.invoiceeMgtKey(), null, writeDate, taxType,
                base.purposeType(), base.chargeDirection(), supply, tax, supply + tax, null, null, null, null,
                base.remark1(), base.remark2(), code == 3 ? remark : base.remark3(), null, null, null, false, code, null,
                lines);
    }

    private static List<TaxInvoiceDetail> zeroRated(List<TaxInvoiceDetail> lines) {
        return lines.stream().map(l -> new TaxInvoiceDetail(l.serialNum(), l.purchaseDT(), l.itemName(), l.spec(), l.qty(),
                l.unitCost(), l.supplyCost(), 0, l.remark())).toList();
    }

    private static List<TaxInvoiceDetail> required(List<TaxInvoiceDetail> lines, int code) {
        if (lines == null || lines.isEmpty()) {
            throw new InvalidInputException("detailList", "code " + code + " needs the line items "
                    + (code == 1 ? "of the corrected invoice" : code == 2 ? "of the difference" : "returned"));
        }
        return lines;
    }

    private static List<TaxInvoiceDetail> negativeOnly(List<TaxInvoiceDetail> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).supplyCost() >= 0) {
                throw new InvalidInputException("detailList[" + i + "].supplyCost", "returns (환입) are negative amounts");
            }
        }
        return lines;
    }

    private static LocalDate requiredDate(Amendment amendment) {
        if (amendment.writeDate() == null) {
            throw new InvalidInputException("writeDate", "code " + amendment.modifyCode()
                    + " is written on the date of the change, return or cancellation");
        }
        return amendment.writeDate();
    }

    private static List<String> keys(TaxInvoice original, Amendment amendment, int count) {
        if (amendment.invoiceeMgtKeys() != null && !amendment.invoiceeMgtKeys().isEmpty()) {
            if (amendment.invoiceeMgtKeys().size() != count) {
                throw new InvalidInputException("invoiceeMgtKeys", "code " + amendment.modifyCode() + " writes " + count
                        + " invoice(s): give " + count + " key(s) or none");
            }
            return amendment.invoiceeMgtKeys();
        }
        String stem = original.invoiceeMgtKey().length() > 19 ? original.invoiceeMgtKey().substring(0, 19)
                : original.invoiceeMgtKey();
        List<String> keys = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            keys.add(stem + "-M" + amendment.modifyCode() + (count == 1 ? "" : String.valueOf(i)));
        }
        return keys;
    }
}
