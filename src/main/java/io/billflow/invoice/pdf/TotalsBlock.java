package io.billflow.invoice.pdf;

import java.io.IOException;

import io.billflow.invoice.domain.TaxInvoice;
import io.billflow.invoice.pdf.FormCanvas.Align;
import io.billflow.invoice.pdf.FormCanvas.Type;

/** 합계금액, 현금, 수표, 어음, 외상미수금 and "이 금액을 영수/청구 함" closing the form. */
final class TotalsBlock {

    private static final float HEADING = 16;
    private static final float VALUES = 22;
    static final float HEIGHT = HEADING + VALUES;
    private static final float[] AMOUNTS = {104, 82, 82, 82, 82};
    private static final Type PURPOSE = new Type(10, FormStyle.MIN_SIZE, FormStyle.INK, true);

    private TotalsBlock() {
    }

    static float draw(FormCanvas canvas, float top, TaxInvoice invoice) throws IOException {
        Box block = new Box(FormStyle.MARGIN, top, FormStyle.WIDTH, HEIGHT);
        Box[] headings = block.row(0, HEADING).columns(AMOUNTS);
        Box[] values = block.row(HEADING, VALUES).columns(AMOUNTS);
        String[] labels = {"합계금액", "현금", "수표", "어음", "외상미수금"};
        String[] amounts = {InvoiceFormat.won(invoice.totalAmount()), InvoiceFormat.won(invoice.cash()),
                InvoiceFormat.won(invoice.chkBill()), InvoiceFormat.won(invoice.note()),
                InvoiceFormat.won(invoice.credit())};
        for (int i = 0; i < labels.length; i++) {
            canvas.label(headings[i], labels[i]);
            canvas.number(values[i], amounts[i]);
        }
        float used = values[values.length - 1].right() - block.x();
        Box purpose = block.column(used, block.width() - used);
        canvas.cell(purpose);
        canvas.text(InvoiceFormat.receiptOrCharge(invoice), purpose, Align.CENTER, PURPOSE);

        canvas.frame(block);
        return block.bottom();
    }
}
