package io.billflow.invoice.pdf;

import java.io.IOException;

import io.billflow.invoice.domain.Party;
import io.billflow.invoice.domain.TaxInvoice;
import io.billflow.invoice.pdf.FormCanvas.Align;

/**
 * The two party blocks side by side: 공급자 (the supplier, who issues: our partner) on the left and
 * 공급받는자 (the buyer, who requested it: our buyer company) on the right, as on every 세금계산서.
 */
final class PartyBlock {

    private static final float ROW = 22;
    static final float HEIGHT = 5 * ROW;
    private static final float SIDE_LABEL = 20;
    private static final float LABEL = 44;
    private static final float SECOND_VALUE = 76;

    private PartyBlock() {
    }

    static float draw(FormCanvas canvas, float top, TaxInvoice invoice) throws IOException {
        float half = FormStyle.WIDTH / 2;
        Box block = new Box(FormStyle.MARGIN, top, FormStyle.WIDTH, HEIGHT);
        drawParty(canvas, block.column(0, half), "공급자", invoice.invoicer());
        drawParty(canvas, block.column(half, half), "공급받는자", invoice.invoicee());
        canvas.frame(block);
        return block.bottom();
    }

    private static void drawParty(FormCanvas canvas, Box side, String role, Party party) throws IOException {
        Party p = party == null ? new Party(null, null, null, null, null, null, null, null, null, null, null) : party;
        canvas.verticalLabel(side.column(0, SIDE_LABEL), role);
        Box fields = side.column(SIDE_LABEL, side.width() - SIDE_LABEL);
        float firstValue = fields.width() - 2 * LABEL - SECOND_VALUE;
        float wideValue = fields.width() - LABEL;

        pair(canvas, fields.row(0, ROW), firstValue, "등록번호", InvoiceFormat.businessNumber(p.corpNum()),
                "종사업장\n번호", p.taxRegId());
        pair(canvas, fields.row(ROW, ROW), firstValue, "상호\n(법인명)", p.corpName(), "성명\n(대표자)", p.ceoName());
        wide(canvas, fields.row(2 * ROW, ROW), wideValue, "사업장\n주소", p.addr());
        pair(canvas, fields.row(3 * ROW, ROW), firstValue, "업태", p.bizType(), "종목", p.bizClass());
        wide(canvas, fields.row(4 * ROW, ROW), wideValue, "이메일", p.email());
    }

    private static void pair(FormCanvas canvas, Box row, float firstValue, String label1, String value1,
                             String label2, String value2) throws IOException {
        Box[] cells = row.columns(LABEL, firstValue, LABEL, SECOND_VALUE);
        canvas.label(cells[0], label1);
        canvas.value(cells[1], InvoiceFormat.nullToEmpty(value1), Align.LEFT);
        canvas.label(cells[2], label2);
        canvas.value(cells[3], InvoiceFormat.nullToEmpty(value2), Align.LEFT);
    }

    private static void wide(FormCanvas canvas, Box row, float valueWidth, String label, String value)
            throws IOException {
        Box[] cells = row.columns(LABEL, valueWidth);
        canvas.label(cells[0], label);
        canvas.value(cells[1], InvoiceFormat.nullToEmpty(value), Align.LEFT);
    }
}
