package io.billflow.invoice.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import io.billflow.invoice.xml.TaxInvoiceXml.Contact;
import io.billflow.invoice.xml.TaxInvoiceXml.Line;
import io.billflow.invoice.xml.TaxInvoiceXml.Payment;
import io.billflow.invoice.xml.TaxInvoiceXml.Summation;
import io.billflow.invoice.xml.TaxInvoiceXml.TradeParty;
import org.junit.jupiter.api.Test;

class TaxInvoiceXmlReaderTest {

    static final String NS = "urn:kr:or:kec:standard:Tax:ReusableAggregateBusinessInformationEntitySchemaModule:1:0";

    final TaxInvoiceXmlReader reader = new TaxInvoiceXmlReader();

    /**
     * Written by hand in the shape of the NTS sample documents (indented, a department name and a
     * second buyer contact we do not model), so the reader is checked against more than our own writer.
     */
    static final String HAND_WRITTEN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <TaxInvoice xmlns="%s"
                        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <ExchangedDocument>
                <ID>ASP-2026-0001</ID>
                <IssueDateTime>20261105093000</IssueDateTime>
                <ReferencedDocument><ID>BUY-0001</ID></ReferencedDocument>
              </ExchangedDocument>
              <TaxInvoiceDocument>
                <IssueID>202611054100000800000001</IssueID>
                <TypeCode>0101</TypeCode>
                <DescriptionText>11월 정산</DescriptionText>
                <IssueDateTime>20261105</IssueDateTime>
                <PurposeCode>01</PurposeCode>
              </TaxInvoiceDocument>
              <TaxInvoiceTradeSettlement>
                <InvoicerParty>
                  <ID>1208147521</ID>
                  <TypeCode>정보통신업</TypeCode>
                  <NameText>(주)샘플공급자</NameText>
                  <ClassificationCode>광고대행</ClassificationCode>
                  <SpecifiedPerson><NameText>이대표</NameText></SpecifiedPerson>
                  <DefinedContact>
                    <DepartmentNameText>재무팀</DepartmentNameText>
                    <PersonNameText>최담당</PersonNameText>
                    <URICommunication>ar@sample.co.kr</URICommunication>
                  </DefinedContact>
                </InvoicerParty>
                <InvoiceeParty>
                  <ID>6798700433</ID>
                  <NameText>(주)샘플구매자</NameText>
                  <SpecifiedOrganization>
                    <TaxRegistrationID>0002</TaxRegistrationID>
                    <BusinessTypeCode>01</BusinessTypeCode>
                  </SpecifiedOrganization>
                  <PrimaryDefinedContact><TelephoneCommunication>0212345678</TelephoneCommunication></PrimaryDefinedContact>
                  <SecondaryDefinedContact><URICommunication>ap2@buyer.co.kr</URICommunication></SecondaryDefinedContact>
                  <SpecifiedAddress><LineOneText>부산광역시 해운대구</LineOneText></SpecifiedAddress>
                </InvoiceeParty>
                <SpecifiedPaymentMeans><TypeCode>10</TypeCode><PaidAmount>220000</PaidAmount></SpecifiedPaymentMeans>
                <SpecifiedMonetarySummation>
                  <ChargeTotalAmount>200000</ChargeTotalAmount>
                  <TaxTotalAmount>20000</TaxTotalAmount>
                  <GrandTotalAmount>220000</GrandTotalAmount>
                </SpecifiedMonetarySummation>
              </TaxInvoiceTradeSettlement>
              <TaxInvoiceTradeLineItem>
                <SequenceNumeric>1</SequenceNumeric>
                <InvoiceAmount>200000</InvoiceAmount>
                <ChargeableUnitQuantity>2.00</ChargeableUnitQuantity>
                <NameText>배너 광고</NameText>
                <PurchaseExpiryDateTime>20261101</PurchaseExpiryDateTime>
                <TotalTax><CalculatedAmount>20000</CalculatedAmount></TotalTax>
                <UnitPrice><UnitAmount>100000</UnitAmount></UnitPrice>
              </TaxInvoiceTradeLineItem>
            </TaxInvoice>
            """.formatted(NS);

    @Test
    void readsADocumentItDidNotWrite() {
        TaxInvoiceXml xml = reader.read(bytes(HAND_WRITTEN));

        assertThat(xml.exchange()).isEqualTo(new TaxInvoiceXml.Exchange("ASP-2026-0001",
                LocalDateTime.of(2026, 11, 5, 9, 30), "BUY-0001"));
        assertThat(xml.header()).isEqualTo(new TaxInvoiceXml.Header("202611054100000800000001", "0101",
                List.of("11월 정산"), LocalDate.of(2026, 11, 5), null, "01", null));
        assertThat(xml.invoicer()).isEqualTo(new TradeParty("1208147521", "정보통신업", "(주)샘플공급자", "광고대행",
                null, null, "이대표", new Contact("최담당", null, "ar@sample.co.kr"), null));
        assertThat(xml.invoicee()).isEqualTo(new TradeParty("6798700433", null, "(주)샘플구매자", null, "0002", "01",
                null, new Contact(null, "0212345678", null), "부산광역시 해운대구"));
        assertThat(xml.payments()).containsExactly(new Payment("10", 220_000));
        assertThat(xml.summation()).isEqualTo(new Summation(200_000, 20_000, 220_000));
        assertThat(xml.lines()).containsExactly(new Line(1, LocalDate.of(2026, 11, 1), "배너 광고", null,
                new BigDecimal("2"), 100_000L, 200_000, 20_000, null));
    }

    @Test
    void rejectsTheRightRootInAnotherNamespace() {
        String otherNamespace = HAND_WRITTEN.replace(NS, "urn:example:invoice:1");

        assertThatThrownBy(() -> reader.read(bytes(otherNamespace)))
                .isInstanceOf(TaxInvoiceXmlException.class)
                .hasMessageContaining("{urn:example:invoice:1}TaxInvoice")
                .hasMessageContaining("expected {" + NS + "}TaxInvoice");
    }

    @Test
    void rejectsTheRightRootWithoutNamespace() {
        String noNamespace = HAND_WRITTEN.replace(" xmlns=\"" + NS + "\"", "");

        assertThatThrownBy(() -> reader.read(bytes(noNamespace)))
                .isInstanceOf(TaxInvoiceXmlException.class)
                .hasMessageContaining("{null}TaxInvoice");
    }

    @Test
    void rejectsAnotherRootInTheRightNamespace() {
        assertThatThrownBy(() -> reader.read(bytes("<Invoice xmlns=\"" + NS + "\"/>")))
                .isInstanceOf(TaxInvoiceXmlException.class)
                .hasMessageContaining("}Invoice, expected");
    }

    @Test
    void refusesADoctypeSoNoExternalEntityIsEverRead() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE TaxInvoice [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <TaxInvoice xmlns="%s"><ExchangedDocument><ID>&secret;</ID></ExchangedDocument></TaxInvoice>
                """.formatted(NS);

        assertThatThrownBy(() -> reader.read(bytes(xxe)))
                .isInstanceOf(TaxInvoiceXmlException.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("root:");
    }

    @Test
    void namesTheMissingPart() {
        String withoutSettlement = HAND_WRITTEN.replaceAll("(?s)<TaxInvoiceTradeSettlement>.*</TaxInvoiceTradeSettlement>",
                "");

        assertThatThrownBy(() -> reader.read(bytes(withoutSettlement)))
                .isInstanceOf(TaxInvoiceXmlException.class)
                .hasMessage("/TaxInvoice/TaxInvoiceTradeSettlement is missing");
    }

    @Test
    void namesALineWithoutSequenceNumber() {
        String withoutSequence = HAND_WRITTEN.replace("<SequenceNumeric>1</SequenceNumeric>", "");

        assertThatThrownBy(() -> reader.read(bytes(withoutSequence)))
                .isInstanceOf(TaxInvoiceXmlException.class)
                .hasMessage("/TaxInvoice/TaxInvoiceTradeLineItem/SequenceNumeric is missing");
    }

    @Test
    void namesAnAmountThatIsNoNumber() {
        String badAmount = HAND_WRITTEN.replace("<TaxTotalAmount>20000<", "<TaxTotalAmount>2만<");

        assertThatThrownBy(() -> reader.read(bytes(badAmount)))
                .isInstanceOf(TaxInvoiceXmlException.class)
                .hasMessageContaining("/TaxInvoice/TaxInvoiceTradeSettlement/SpecifiedMonetarySummation/TaxTotalAmount")
                .hasMessageContaining("2만");
    }

    @Test
    void rejectsBytesThatAreNoXml() {
        assertThatThrownBy(() -> reader.read(bytes("{\"not\":\"xml\"}")))
                .isInstanceOf(TaxInvoiceXmlException.class)
                .hasMessageStartingWith("not a well-formed XML document");
    }

    private static byte[] bytes(String xml) {
        return xml.strip().getBytes(StandardCharsets.UTF_8);
    }
}
