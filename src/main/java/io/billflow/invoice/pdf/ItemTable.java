package io.billflow.invoice.pdf;

import java.io.IOException;
import java.util.List;

import io.billflow.invoice.api.TaxInvoiceDetail;
import io.billflow.invoice.pdf.FormCanvas.Align;

/** The line items: 월, 일, 품목, 규격, 수량, 단가, 공급가액, 세액, 비고; amounts right-aligned. */
final class ItemTable {

    static final float HEADING = 16;
    static final float ROW = 18;
    /** The paper form has four item rows; fewer lines still show four, the rest left blank. */
    static final int MIN_ROWS = 4;
    private static final String[] HEADINGS = {"월", "일", "품목", "규격", "수량", "단가", "공급가액", "세액", "비고"};
    private static final float[] FIXED = {20, 20, 0, 56, 46, 62, 76, 66, 62};

    private ItemTable() {
    }

    /** Draws the heading row and the lines, padded with blank rows up to {@code minRows}. */
    static float draw(FormCanvas canvas, float top, List<TaxInvoiceDetail> lines, int minRows) throws IOException {
        float[] widths = columnWidths();
        Box heading = new Box(FormStyle.MARGIN, top, FormStyle.WIDTH, HEADING);
        Box[] headingCells = heading.columns(widths);
        for (int i = 0; i < HEADINGS.length; i++) {
            canvas.label(headingCells[i], HEADINGS[i]);
        }
        int rows = Math.max(lines.size(), minRows);
        for (int r = 0; r < rows; r++) {
            Box[] cells = new Box(FormStyle.MARGIN, heading.bottom() + r * ROW, FormStyle.WIDTH, ROW).columns(widths);
            if (r < lines.size()) {
                drawLine(canvas, cells, lines.get(r));
            } else {
                for (Box cell : cells) {
                    canvas.cell(cell);
                }
            }
        }
        Box block = new Box(FormStyle.MARGIN, top, FormStyle.WIDTH, HEADING + rows * ROW);
        canvas.frame(block);
        return block.bottom();
    }

    static float height(int rows) {
        return HEADING + rows * ROW;
    }

    private static void drawLine(FormCanvas canvas, Box[] cells, TaxInvoiceDetail line) throws IOException {
        canvas.value(cells[0], InvoiceFormat.month(line.purchaseDT()), Align.CENTER);
        canvas.value(cells[1], InvoiceFormat.day(line.purchaseDT()), Align.CENTER);
        canvas.value(cells[2], InvoiceFormat.nullToEmpty(line.itemName()), Align.LEFT);
        canvas.value(cells[3], InvoiceFormat.nullToEmpty(line.spec()), Align.LEFT);
        canvas.number(cells[4], InvoiceFormat.quantity(line.qty()));
        canvas.number(cells[5], InvoiceFormat.won(line.unitCost()));
        canvas.number(cells[6], InvoiceFormat.won(line.supplyCost()));
        canvas.number(cells[7], InvoiceFormat.won(line.tax()));
        canvas.value(cells[8], InvoiceFormat.nullToEmpty(line.remark()), Align.LEFT);
    }

    /** 품목 takes whatever the fixed columns leave. */
    private static float[] columnWidths() {
        float[] widths = FIXED.clone();
        float fixed = 0;
        for (float w : FIXED) {
            fixed += w;
        }
        widths[2] = FormStyle.WIDTH - fixed;
        return widths;
    }
}
