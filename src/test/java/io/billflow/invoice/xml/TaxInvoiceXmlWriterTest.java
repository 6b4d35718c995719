package io.billflow.invoice.xml;

import static io.billflow.invoice.xml.XmlTestInvoices.APPROVAL_NUMBER;
import static io.billflow.invoice.xml.XmlTestInvoices.CLOCK;
import static io.billflow.invoice.xml.XmlTestInvoices.WRITE_DATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import io.billflow.invoice.api.TaxType;
import io.billflow.invoice.domain.TaxInvoice;
import io.billflow.invoice.xml.TaxInvoiceXml.Contact;
import io.billflow.invoice.xml.TaxInvoiceXml.Exchange;
import io.billflow.invoice.xml.TaxInvoiceXml.Header;
import io.billflow.invoice.xml.TaxInvoiceXml.Line;
import io.billflow.invoice.xml.TaxInvoiceXml.Payment;
import io.billflow.invoice.xml.TaxInvoiceXml.Summation;
import io.billflow.invoice.xml.TaxInvoiceXml.TradeParty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class TaxInvoiceXmlWriterTest {

    static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    final TaxInvoiceXmlWriter writer = new TaxInvoiceXmlWriter(CLOCK);
    final TaxInvoiceXmlReader reader = new TaxInvoiceXmlReader();

    @Test
    void roundTripKeepsEveryFieldIncludingKoreanTextAndMarkupCharacters() {
        TaxInvoiceXml read = reader.read(writer.write(XmlTestInvoices.full()));

        assertThat(read).isEqualTo(new TaxInvoiceXml(
                new Exchange("BILLFLOW-000000000042", LocalDateTime.of(2026, 11, 1, 0, 30, 5), "INV-2026-10_001"),
                new Header(APPROVAL_NUMBER, "0101", List.of("2026년 10월 광고 정산", "A&B <특약>"), WRITE_DATE, null,
                        "02", null),
                new TradeParty("1248100998", "서비스", "(주)한빛 & <광고>", "광고대행", "0001", null, "홍길동",
                        new Contact("김담당", "02-555-0199", "tax@hanbit.co.kr"),
                        "서울특별시 강남구 테헤란로 123 \"한빛빌딩\" 5층"),
                new TradeParty("2208162517", "서비스", "(주)빌플로우미디어", "온라인광고플랫폼", null, "01", "정운영",
                        new Contact("박정산", "010-9876-5432", "billing@billflow-media.kr"), "서울특별시 중구 세종대로 110"),
                List.of(new Payment("10", 150_000), new Payment("20", 500_000), new Payment("30", 0),
                        new Payment("40", 1_000_000)),
                new Summation(1_500_000, 150_000, 1_650_000),
                List.of(new Line(1, LocalDate.of(2026, 10, 15), "디스플레이 광고 <CPM>", "1,000회 & 노출",
                                new BigDecimal("1000"), 1000L, 1_000_000, 100_000, "10월분"),
                        new Line(2, WRITE_DATE, "검색 광고", null, new BigDecimal("2.5"), 200_000L, 500_000, 50_000,
                                null))));
    }

    @Test
    void markupCharactersAreEscapedAndTheTextIsUtf8() {
        String xml = new String(writer.write(XmlTestInvoices.full()), StandardCharsets.UTF_8);

        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<NameText>(주)한빛 &amp; &lt;광고&gt;</NameText>")
                .contains("<DescriptionText>A&amp;B &lt;특약&gt;</DescriptionText>")
                .doesNotContain("<광고>", "<특약>", "<CPM>");
    }

    @Test
    void rootIsTaxInvoiceWithTheKecNamespaceAsDefaultNamespaceAndTheSchemaLocation() {
        byte[] bytes = writer.write(XmlTestInvoices.full());
        Element root = parse(bytes).getDocumentElement();

        assertThat(root.getLocalName()).isEqualTo("TaxInvoice");
        assertThat(root.getNamespaceURI())
                .isEqualTo("urn:kr:or:kec:standard:Tax:ReusableAggregateBusinessInformationEntitySchemaModule:1:0");
        assertThat(root.getPrefix()).as("default namespace, no prefix").isNull();
        assertThat(root.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation"))
                .isEqualTo("urn:kr:or:kec:standard:Tax:ReusableAggregateBusinessInformationEntitySchemaModule:1:0 "
                        + "http://www.kec.or.kr/standard/Tax/TaxInvoiceSchemaModule_1.0.xsd");
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("<TaxInvoice xmlns=\""
                + "urn:kr:or:kec:standard:Tax:ReusableAggregateBusinessInformationEntitySchemaModule:1:0\"");
    }

    @ParameterizedTest(name = "{0} modifyCode {1} → {2}")
    @CsvSource({
            "TAXABLE,,0101,",
            "ZERO_RATED,,0102,",
            "EXEMPT,,0301,",
            "TAXABLE,1,0201,01",
            "ZERO_RATED,5,0202,05",
            "EXEMPT,4,0401,04"})
    void typeCodeFollowsTaxTypeAndAmendment(TaxType taxType, Integer modifyCode, String typeCode,
                                            String amendmentCode) {
        Header header = reader.read(writer.write(XmlTestInvoices.ofType(taxType, modifyCode))).header();

        assertThat(header.typeCode()).isEqualTo(typeCode);
        assertThat(header.amendmentStatusCode()).isEqualTo(amendmentCode);
        assertThat(header.originalIssueId()).isEqualTo(modifyCode == null ? null : APPROVAL_NUMBER);
    }

    @Test
    void elementsFollowTheStandardsOrder() {
        Element root = parse(writer.write(XmlTestInvoices.full())).getDocumentElement();

        assertThat(childNames(root)).containsExactly("ExchangedDocument", "TaxInvoiceDocument",
                "TaxInvoiceTradeSettlement", "TaxInvoiceTradeLineItem", "TaxInvoiceTradeLineItem");
        assertThat(childNames(child(root, "ExchangedDocument")))
                .containsExactly("ID", "IssueDateTime", "ReferencedDocument");
        assertThat(childNames(child(root, "TaxInvoiceDocument"))).containsExactly("IssueID", "TypeCode",
                "DescriptionText", "DescriptionText", "IssueDateTime", "PurposeCode");
        Element settlement = child(root, "TaxInvoiceTradeSettlement");
        assertThat(childNames(settlement)).containsExactly("InvoicerParty", "InvoiceeParty",
                "SpecifiedPaymentMeans", "SpecifiedPaymentMeans", "SpecifiedPaymentMeans", "SpecifiedPaymentMeans",
                "SpecifiedMonetarySummation");
        assertThat(childNames(child(settlement, "InvoicerParty"))).containsExactly("ID", "TypeCode", "NameText",
                "ClassificationCode", "SpecifiedOrganization", "SpecifiedPerson", "DefinedContact",
                "SpecifiedAddress");
        assertThat(childNames(child(settlement, "InvoiceeParty"))).containsExactly("ID", "TypeCode", "NameText",
                "ClassificationCode", "SpecifiedOrganization", "SpecifiedPerson", "PrimaryDefinedContact",
                "SpecifiedAddress");
        assertThat(childNames(child(child(settlement, "InvoiceeParty"), "PrimaryDefinedContact")))
                .containsExactly("PersonNameText", "TelephoneCommunication", "URICommunication");
        assertThat(childNames(child(settlement, "SpecifiedMonetarySummation")))
                .containsExactly("ChargeTotalAmount", "TaxTotalAmount", "GrandTotalAmount");
        assertThat(childNames(child(root, "TaxInvoiceTradeLineItem"))).containsExactly("SequenceNumeric",
                "DescriptionText", "InvoiceAmount", "ChargeableUnitQuantity", "InformationText", "NameText",
                "PurchaseExpiryDateTime", "TotalTax", "UnitPrice");
    }

    @Test
    void absentValuesLeaveTheirElementsOut() {
        TaxInvoice minimal = XmlTestInvoices.minimal();
        Document document = parse(writer.write(minimal));
        Element root = document.getDocumentElement();

        assertThat(emptyElements(root)).as("elements without text or children").isEmpty();
        assertThat(childNames(child(root, "TaxInvoiceDocument")))
                .containsExactly("TypeCode", "IssueDateTime", "PurposeCode");
        Element settlement = child(root, "TaxInvoiceTradeSettlement");
        assertThat(childNames(settlement)).containsExactly("InvoicerParty", "InvoiceeParty",
                "SpecifiedMonetarySummation");
        assertThat(childNames(child(settlement, "InvoicerParty"))).containsExactly("ID", "NameText",
                "SpecifiedPerson");
        // blank 종사업장 and address count as absent; the business type code alone keeps the organization
        assertThat(childNames(child(settlement, "InvoiceeParty"))).containsExactly("ID", "NameText",
                "SpecifiedOrganization", "SpecifiedPerson");
        assertThat(childNames(child(root, "TaxInvoiceTradeLineItem")))
                .containsExactly("SequenceNumeric", "InvoiceAmount", "NameText", "TotalTax");
        assertThat(reader.read(writer.write(minimal))).isEqualTo(TaxInvoiceXmlMapper.map(minimal, CLOCK.instant()));
    }

    @Test
    void amendmentKeepsNegativeAmountsAndPointsAtTheOriginal() {
        TaxInvoiceXml read = reader.read(writer.write(XmlTestInvoices.cancellation()));

        assertThat(read.header().typeCode()).isEqualTo("0201");
        assertThat(read.header().amendmentStatusCode()).isEqualTo("04");
        assertThat(read.header().originalIssueId()).isEqualTo(APPROVAL_NUMBER);
        assertThat(read.header().issueId()).as("not issued yet").isNull();
        assertThat(read.summation()).isEqualTo(new Summation(-1_500_000, -150_000, -1_650_000));
        assertThat(read.payments()).containsExactly(new Payment("40", -1_650_000));
        assertThat(read.lines()).containsExactly(new Line(1, WRITE_DATE, "디스플레이 광고 계약해제", null,
                new BigDecimal("-1"), 1_500_000L, -1_500_000, -150_000, "당초 2026-10-15"));
    }

    @Test
    void zeroRatedAndExemptInvoicesRoundTripWithoutTax() {
        TaxInvoice zeroRated = XmlTestInvoices.zeroRated();
        TaxInvoice exempt = XmlTestInvoices.exempt();

        TaxInvoiceXml zeroRatedXml = reader.read(writer.write(zeroRated));
        TaxInvoiceXml exemptXml = reader.read(writer.write(exempt));

        assertThat(zeroRatedXml).isEqualTo(TaxInvoiceXmlMapper.map(zeroRated, CLOCK.instant()));
        assertThat(zeroRatedXml.header().typeCode()).isEqualTo("0102");
        assertThat(zeroRatedXml.header().purposeCode()).isEqualTo("01");
        assertThat(zeroRatedXml.summation()).isEqualTo(new Summation(3_000_000, 0, 3_000_000));
        assertThat(zeroRatedXml.lines()).extracting(Line::tax).containsExactly(0L);
        assertThat(exemptXml).isEqualTo(TaxInvoiceXmlMapper.map(exempt, CLOCK.instant()));
        assertThat(exemptXml.header().typeCode()).isEqualTo("0301");
        assertThat(exemptXml.summation()).isEqualTo(new Summation(800_000, 0, 800_000));
        assertThat(exemptXml.payments()).isEmpty();
    }

    @Test
    void issueDateTimeIsTheGenerationTimeInSeoulWhateverTheClocksZone() {
        String xml = new String(writer.write(XmlTestInvoices.full()), StandardCharsets.UTF_8);

        assertThat(CLOCK.getZone().getId()).isEqualTo("Z");
        assertThat(xml).contains("<ExchangedDocument><ID>BILLFLOW-000000000042</ID>"
                + "<IssueDateTime>20261101003005</IssueDateTime>"
                + "<ReferencedDocument><ID>INV-2026-10_001</ID></ReferencedDocument></ExchangedDocument>");
        assertThat(xml).contains("<IssueDateTime>20261031</IssueDateTime>");
    }

    @Test
    void signatureInsertedAtTheInsertionPointLandsBeforeTaxInvoiceDocumentAndIsSkippedByTheReader() {
        TaxInvoice invoice = XmlTestInvoices.full();
        Document document = writer.toDocument(invoice);
        Element signature = document.createElementNS(DSIG, "ds:Signature");
        signature.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:ds", DSIG);
        signature.appendChild(document.createElementNS(DSIG, "ds:SignatureValue")).setTextContent("c2lnbmVk");

        document.getDocumentElement().insertBefore(signature, TaxInvoiceXmlWriter.signatureNextSibling(document));
        byte[] signed = TaxInvoiceXmlWriter.serialize(document);

        assertThat(childNames(parse(signed).getDocumentElement())).startsWith("ExchangedDocument", "Signature",
                "TaxInvoiceDocument", "TaxInvoiceTradeSettlement");
        assertThat(reader.read(signed)).isEqualTo(reader.read(writer.write(invoice)));
    }

    @Test
    void anUnsavedInvoiceHasNoDocumentIdAndIsRefused() {
        assertThatThrownBy(() -> writer.write(XmlTestInvoices.unsaved()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("saved");
    }

    /** A plain JDK parse, independent of the reader under test. */
    static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new AssertionError("not well-formed: " + e.getMessage(), e);
        }
    }

    static List<String> childNames(Element parent) {
        List<String> names = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                names.add(element.getLocalName());
            }
        }
        return names;
    }

    static Element child(Element parent, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getLocalName().equals(localName)) {
                return element;
            }
        }
        throw new AssertionError("no " + localName + " in " + parent.getLocalName());
    }

    private static List<String> emptyElements(Element element) {
        List<String> empty = new ArrayList<>();
        if (!element.hasChildNodes() || element.getTextContent().isBlank()) {
            empty.add(element.getLocalName());
        }
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                empty.addAll(emptyElements(child));
            }
        }
        return empty;
    }
}
