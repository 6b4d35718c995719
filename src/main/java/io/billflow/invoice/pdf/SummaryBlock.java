package io.billflow.invoice.pdf;

import java.io.IOException;

import io.billflow.invoice.domain.TaxInvoice;
import io.billflow.invoice.pdf.FormCanvas.Align;

/** 작성일자, 공급가액, 세액, 수정사유 and 비고: headings on one row, the values beneath. */
final class SummaryBlock {

    private static final float HEADING = 16;
    private static final float VALUES = 30;
    static final float HEIGHT = HEADING + VALUES;
    private static final float[] COLUMNS = {78, 96, 86, 86};

    private SummaryBlock() {
    }

    static float draw(FormCanvas canvas, float top, TaxInvoice invoice) throws IOException {
        Box block = new Box(FormStyle.MARGIN, top, FormStyle.WIDTH, HEIGHT);
        float remarkWidth = FormStyle.WIDTH - COLUMNS[0] - COLUMNS[1] - COLUMNS[2] - COLUMNS[3];
        Box[] headings = block.row(0, HEADING).columns(COLUMNS[0], COLUMNS[1], COLUMNS[2], COLUMNS[3], remarkWidth);
        Box[] values = block.row(HEADING, VALUES).columns(COLUMNS[0], COLUMNS[1], COLUMNS[2], COLUMNS[3], remarkWidth);

        canvas.label(headings[0], "작성일자");
        canvas.label(headings[1], "공급가액");
        canvas.label(headings[2], "세액");
        canvas.label(headings[3], "수정사유");
        canvas.label(headings[4], "비고");
        canvas.value(values[0], InvoiceFormat.writeDate(invoice.writeDate()), Align.CENTER);
        canvas.number(values[1], InvoiceFormat.won(invoice.supplyCostTotal()));
        canvas.number(values[2], InvoiceFormat.won(invoice.taxTotal()));
        canvas.value(values[3], InvoiceFormat.modifyReason(invoice.modifyCode()), Align.CENTER);
        canvas.value(values[4], InvoiceFormat.remarks(invoice), Align.LEFT);

        canvas.frame(block);
        return block.bottom();
    }
}
