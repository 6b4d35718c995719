package io.billflow.invoice.pdf;

import java.io.IOException;

import io.billflow.invoice.domain.Party;
import io.billflow.invoice.domain.TaxInvoice;
import io.billflow.invoice.pdf.FormCanvas.Align;

/**
 * One row naming both parties on continuation pages, so that a page separated from the first still
 * says whose invoice it belongs to.
 */
final class PartyStrip {

    static final float HEIGHT = 20;
    private static final float LABEL = 50;

    private PartyStrip() {
    }

    static float draw(FormCanvas canvas, float top, TaxInvoice invoice) throws IOException {
        float half = FormStyle.WIDTH / 2;
        Box block = new Box(FormStyle.MARGIN, top, FormStyle.WIDTH, HEIGHT);
        Box[] cells = block.columns(LABEL, half - LABEL, LABEL, half - LABEL);
        canvas.label(cells[0], "공급자");
        canvas.value(cells[1], summary(invoice.invoicer()), Align.LEFT);
        canvas.label(cells[2], "공급받는자");
        canvas.value(cells[3], summary(invoice.invoicee()), Align.LEFT);
        canvas.frame(block);
        return block.bottom();
    }

    private static String summary(Party party) {
        if (party == null) {
            return "";
        }
        return InvoiceFormat.businessNumber(party.corpNum()) + "  " + InvoiceFormat.nullToEmpty(party.corpName());
    }
}
