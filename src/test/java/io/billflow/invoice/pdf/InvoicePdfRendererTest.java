package io.billflow.invoice.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.billflow.invoice.api.PurposeType;
import io.billflow.invoice.api.TaxInvoiceDetail;
import io.billflow.invoice.api.TaxType;
import io.billflow.invoice.domain.Party;
import io.billflow.invoice.domain.TaxInvoice;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

class InvoicePdfRendererTest {

    private final InvoicePdfRenderer renderer = new InvoicePdfRenderer();

    @Test
    void showsBothPartiesNumbersAmountsAndLines() {
        String text = PdfText.of(renderer.render(SampleInvoices.twoLines()));

        assertThat(text).contains("전자세금계산서", "(공급받는자 보관용)", "승인번호", "발급 전", "INV-2026-10-0001")
                .contains("220-81-62517", "124-81-00998")
                .contains("(주)한빛광고", "(주)빌플로우미디어", "홍길동", "정운영", "광고대행", "tax@hanbit-ad.co.kr")
                .contains("2026-10-31", "1,500,000", "150,000", "1,650,000")
                .contains("디스플레이 광고", "검색 광고", "CPM", "1,000,000", "100,000", "500,000", "50,000")
                .contains("2026년 10월 광고 정산", "캠페인 A-17")
                .contains("이 금액을 청구 함");
        assertThat(text).doesNotContain("전자계산서").doesNotContain("영수");
    }

    @Test
    void theSupplierStandsLeftOfTheBuyer() throws IOException {
        List<TextPosition> glyphs = glyphs(renderer.render(SampleInvoices.twoLines()), 1);
        float supplierNumberX = firstX(glyphs, "220-81-62517");
        float buyerNumberX = firstX(glyphs, "124-81-00998");
        float middle = FormStyle.PAGE.getWidth() / 2;
        assertThat(supplierNumberX).isLessThan(middle);
        assertThat(buyerNumberX).isGreaterThan(middle);
    }

    @Test
    void anExemptInvoiceIsAnElectronicInvoiceWithoutTax() {
        String text = PdfText.of(renderer.render(SampleInvoices.exempt()));

        assertThat(text).contains("전자계산서", "도서 구입", "60,000", "이 금액을 영수 함")
                .doesNotContain("전자세금계산서");
    }

    @Test
    void anAmendmentShowsItsReasonAndNegativeAmounts() {
        String text = PdfText.of(renderer.render(SampleInvoices.cancellation()));

        assertThat(text).contains("계약의 해제", "-1,500,000", "-150,000", "-1,650,000");
    }

    @Test
    void ninetyNineLinesContinueOnFurtherPagesWithEveryLine() throws IOException {
        byte[] pdf = renderer.render(SampleInvoices.withLines(99));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            String text = new PDFTextStripper().getText(document);
            for (int line = 1; line <= 99; line++) {
                assertThat(text).contains(SampleInvoices.itemName(line));
            }
            // the totals close the last page only
            int last = document.getNumberOfPages();
            assertThat(PdfText.ofPage(pdf, last)).contains("합계금액", "1,089,000", SampleInvoices.itemName(99));
            assertThat(PdfText.ofPage(pdf, 1)).doesNotContain("합계금액").contains("1 / " + last);
            assertThat(PdfText.ofPage(pdf, 2)).contains("품목 계속", "INV-2026-10-0001");
        }
    }

    @Test
    void aShortInvoiceFitsOnOnePage() throws IOException {
        try (PDDocument document = Loader.loadPDF(renderer.render(SampleInvoices.twoLines()))) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
        }
    }

    @Test
    void everyPageIsA4Portrait() throws IOException {
        try (PDDocument document = Loader.loadPDF(renderer.render(SampleInvoices.withLines(60)))) {
            for (PDPage page : document.getPages()) {
                assertThat(page.getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
                assertThat(page.getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());
            }
        }
    }

    @Test
    void theKoreanFontIsEmbeddedAsASubset() throws IOException {
        byte[] pdf = renderer.render(SampleInvoices.twoLines());

        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).contains("NanumGothic");
            });
        }
        // the whole font is 4.7 MB; a subset of the glyphs used stays small
        assertThat(pdf.length).isLessThan(150_000);
    }

    @Test
    void theOutputIsAPdfThatReloads() throws IOException {
        byte[] pdf = renderer.render(SampleInvoices.twoLines());

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("전자세금계산서 INV-2026-10-0001");
        }
    }

    @Test
    void longTextsStayInsideTheirCells() throws IOException {
        // 뷁 appears nowhere else on the form, so every 뷁 glyph belongs to the supplier's long texts
        String longName = "(주)" + "뷁".repeat(80);
        Party supplier = new Party(SampleInvoices.SUPPLIER_NUMBER, null, longName, "홍길동", "뷁".repeat(250), "서비스",
                "광고대행", null, "tax@hanbit-ad.co.kr", null, null);
        String longItem = "뷁".repeat(100);
        TaxInvoice invoice = SampleInvoices.draft(TaxType.TAXABLE, PurposeType.CHARGE, null, List.of(
                new TaxInvoiceDetail(1, SampleInvoices.WRITE_DATE, longItem, null, BigDecimal.ONE, 10_000L, 10_000,
                        1_000, null)), supplier, SampleInvoices.BUYER);

        byte[] pdf = renderer.render(invoice);

        List<TextPosition> longGlyphs = glyphs(pdf, 1).stream().filter(g -> g.getUnicode().equals("뷁")).toList();
        float supplierBlockRight = FormStyle.MARGIN + FormStyle.WIDTH / 2;
        assertThat(longGlyphs).isNotEmpty().allSatisfy(g ->
                assertThat(g.getXDirAdj() + g.getWidthDirAdj()).isLessThanOrEqualTo(supplierBlockRight));
        String text = PdfText.of(pdf);
        assertThat(text).contains(TextFit.ELLIPSIS).doesNotContain(longItem).contains("1,000");
    }

    @Test
    void charactersTheFontLacksArePrintedAsQuestionMarks() {
        TaxInvoice invoice = SampleInvoices.draft(TaxType.TAXABLE, PurposeType.CHARGE, null, List.of(
                new TaxInvoiceDetail(1, SampleInvoices.WRITE_DATE, "광고 \uD83D\uDE00 패키지", null, BigDecimal.ONE,
                        10_000L, 10_000, 1_000, "줄\n바꿈")));

        String text = PdfText.of(renderer.render(invoice));

        assertThat(text).contains("광고 ? 패키지");
    }

    private static List<TextPosition> glyphs(byte[] pdf, int page) throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        PDFTextStripper collector = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                glyphs.addAll(positions);
            }
        };
        collector.setStartPage(page);
        collector.setEndPage(page);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            collector.getText(document);
        }
        return glyphs;
    }

    /** The x of the first glyph of the first run of glyphs that spells {@code text}. */
    private static float firstX(List<TextPosition> glyphs, String text) {
        StringBuilder all = new StringBuilder();
        for (TextPosition g : glyphs) {
            all.append(g.getUnicode());
        }
        int at = all.indexOf(text);
        assertThat(at).as("%s on the page", text).isNotNegative();
        return glyphs.get(at).getXDirAdj();
    }
}
