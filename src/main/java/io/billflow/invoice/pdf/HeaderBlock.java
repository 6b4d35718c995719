package io.billflow.invoice.pdf;

import java.io.IOException;

import io.billflow.invoice.domain.TaxInvoice;
import io.billflow.invoice.pdf.FormCanvas.Align;
import io.billflow.invoice.pdf.FormCanvas.Type;

/** Title and copy ("공급받는자 보관용") on the left, 승인번호 and 관리번호 on the right. */
final class HeaderBlock {

    static final float HEIGHT = 44;
    private static final float NUMBERS_WIDTH = 250;
    private static final float NUMBER_LABEL_WIDTH = 56;
    private static final Type TITLE = new Type(18, 14, FormStyle.INK, true);
    private static final Type COPY = new Type(FormStyle.LABEL_SIZE, FormStyle.MIN_SIZE, FormStyle.INK, false);

    private HeaderBlock() {
    }

    /** Draws the header at {@code top}; {@code copyNote} follows the copy name, e.g. on continuation pages. */
    static float draw(FormCanvas canvas, float top, TaxInvoice invoice, String copyNote) throws IOException {
        Box block = new Box(FormStyle.MARGIN, top, FormStyle.WIDTH, HEIGHT);
        Box title = block.column(0, block.width() - NUMBERS_WIDTH);
        canvas.cell(title);
        canvas.text(InvoiceFormat.title(invoice), title.row(4, 26), Align.CENTER, TITLE);
        canvas.text("(공급받는자 보관용)" + copyNote, title.row(29, 13), Align.CENTER, COPY);

        Box numbers = block.column(title.width(), NUMBERS_WIDTH);
        float rowHeight = HEIGHT / 2;
        Box[] approval = numbers.row(0, rowHeight).columns(NUMBER_LABEL_WIDTH, NUMBERS_WIDTH - NUMBER_LABEL_WIDTH);
        canvas.label(approval[0], "승인번호");
        canvas.value(approval[1], InvoiceFormat.approvalNumber(invoice), Align.LEFT);
        Box[] key = numbers.row(rowHeight, rowHeight).columns(NUMBER_LABEL_WIDTH, NUMBERS_WIDTH - NUMBER_LABEL_WIDTH);
        canvas.label(key[0], "관리번호");
        canvas.value(key[1], InvoiceFormat.nullToEmpty(invoice.invoiceeMgtKey()), Align.LEFT);

        canvas.frame(block);
        return block.bottom();
    }
}
