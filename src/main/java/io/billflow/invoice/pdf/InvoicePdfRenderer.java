package io.billflow.invoice.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import io.billflow.invoice.api.TaxInvoiceDetail;
import io.billflow.invoice.domain.TaxInvoice;
import io.billflow.invoice.pdf.FormCanvas.Align;
import io.billflow.invoice.pdf.FormCanvas.Type;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.springframework.stereotype.Component;

/**
 * A tax invoice as a printable PDF laid out like the standard 전자세금계산서 form, the buyer's copy
 * (공급받는자 보관용): A4 portrait, blue ruling, every line item, continued on further pages when the
 * lines do not fit on the first. The document is for reading and printing; the legally binding
 * invoice is the signed XML the NTS receives.
 */
@Component
public class InvoicePdfRenderer {

    private static final Type PAGE_NUMBER = new Type(7, 7, FormStyle.MUTED, false);

    private static final float PAGE_BOTTOM = FormStyle.PAGE.getHeight() - FormStyle.MARGIN - FormStyle.FOOTER;
    private static final ItemPagination.Capacity FIRST_PAGE = capacity(FormStyle.MARGIN + HeaderBlock.HEIGHT
            + PartyBlock.HEIGHT + SummaryBlock.HEIGHT);
    private static final ItemPagination.Capacity NEXT_PAGES = capacity(FormStyle.MARGIN + HeaderBlock.HEIGHT
            + PartyStrip.HEIGHT);

    public byte[] render(TaxInvoice invoice) {
        try (PDDocument document = new PDDocument()) {
            describe(document, invoice);
            FormFont font = FormFont.embedIn(document);
            List<TaxInvoiceDetail> lines = invoice.detailList();
            List<Integer> perPage = ItemPagination.plan(lines.size(), FIRST_PAGE, NEXT_PAGES);
            int next = 0;
            for (int page = 0; page < perPage.size(); page++) {
                List<TaxInvoiceDetail> pageLines = lines.subList(next, next + perPage.get(page));
                next += pageLines.size();
                drawPage(document, font, invoice, pageLines, page + 1, perPage.size());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render invoice " + invoice.id() + " as PDF", e);
        }
    }

    private static void drawPage(PDDocument document, FormFont font, TaxInvoice invoice,
                                 List<TaxInvoiceDetail> lines, int pageNumber, int pageCount) throws IOException {
        PDPage page = new PDPage(FormStyle.PAGE);
        document.addPage(page);
        boolean first = pageNumber == 1;
        boolean last = pageNumber == pageCount;
        try (FormCanvas canvas = new FormCanvas(document, page, font)) {
            float y = HeaderBlock.draw(canvas, FormStyle.MARGIN, invoice, first ? "" : " · 품목 계속");
            if (first) {
                y = PartyBlock.draw(canvas, y, invoice);
                y = SummaryBlock.draw(canvas, y, invoice);
            } else {
                y = PartyStrip.draw(canvas, y, invoice);
            }
            y = ItemTable.draw(canvas, y, lines, last ? ItemTable.MIN_ROWS : 0);
            if (last) {
                y = TotalsBlock.draw(canvas, y, invoice);
            }
            Box footer = new Box(FormStyle.MARGIN, y + 2, FormStyle.WIDTH, FormStyle.FOOTER - 2);
            canvas.text(String.format(Locale.ROOT, "%d / %d", pageNumber, pageCount), footer, Align.RIGHT,
                    PAGE_NUMBER);
        }
    }

    private static void describe(PDDocument document, TaxInvoice invoice) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(InvoiceFormat.title(invoice) + " " + InvoiceFormat.nullToEmpty(invoice.invoiceeMgtKey()));
        info.setCreator("billflow");
        document.getDocumentCatalog().setLanguage("ko-KR");
    }

    /** Lines below {@code itemsTop} (where the item headings start) until the footer. */
    private static ItemPagination.Capacity capacity(float itemsTop) {
        float room = PAGE_BOTTOM - itemsTop - ItemTable.HEADING;
        return new ItemPagination.Capacity((int) ((room - TotalsBlock.HEIGHT) / ItemTable.ROW),
                (int) (room / ItemTable.ROW));
    }
}
