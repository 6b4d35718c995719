package io.billflow.invoice.xml;

import static io.billflow.invoice.xml.TaxInvoiceXmlFormat.DATE;
import static io.billflow.invoice.xml.TaxInvoiceXmlFormat.DATE_TIME;
import static io.billflow.invoice.xml.TaxInvoiceXmlFormat.NAMESPACE;

import java.time.LocalDate;

import javax.xml.XMLConstants;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Renders a {@link TaxInvoiceXml} as a DOM in the standard's element order (the XSD is a sequence, so
 * order is part of validity). An element is written only when it has a value; a container only when
 * it has a child.
 */
final class TaxInvoiceDom {

    private final Document document;

    private TaxInvoiceDom(Document document) {
        this.document = document;
    }

    static Document render(TaxInvoiceXml xml) {
        Document document = SecureXml.documentBuilder().newDocument();
        document.setXmlStandalone(true); // no standalone="no" in the declaration
        new TaxInvoiceDom(document).root(xml);
        return document;
    }

    private void root(TaxInvoiceXml xml) {
        Element root = document.createElementNS(NAMESPACE, TaxInvoiceXmlFormat.ROOT);
        // declared explicitly: C14N during signing sees namespace declarations only as attributes
        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", NAMESPACE);
        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:xsi",
                XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI);
        root.setAttributeNS(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "xsi:schemaLocation",
                TaxInvoiceXmlFormat.SCHEMA_LOCATION);
        document.appendChild(root);

        exchangedDocument(root, xml.exchange());
        // ← issue #4: ds:Signature goes here, between ExchangedDocument and TaxInvoiceDocument
        taxInvoiceDocument(root, xml.header());
        Element settlement = element(root, "TaxInvoiceTradeSettlement");
        party(settlement, "InvoicerParty", "DefinedContact", xml.invoicer());
        party(settlement, "InvoiceeParty", "PrimaryDefinedContact", xml.invoicee());
        for (TaxInvoiceXml.Payment payment : xml.payments()) {
            Element means = element(settlement, "SpecifiedPaymentMeans");
            text(means, "TypeCode", payment.typeCode());
            text(means, "PaidAmount", payment.paidAmount());
        }
        Element summation = element(settlement, "SpecifiedMonetarySummation");
        text(summation, "ChargeTotalAmount", xml.summation().chargeTotal());
        text(summation, "TaxTotalAmount", xml.summation().taxTotal());
        text(summation, "GrandTotalAmount", xml.summation().grandTotal());
        xml.lines().forEach(line -> lineItem(root, line));
    }

    private void exchangedDocument(Element root, TaxInvoiceXml.Exchange exchange) {
        Element exchanged = element(root, "ExchangedDocument");
        text(exchanged, "ID", exchange.documentId());
        text(exchanged, "IssueDateTime", DATE_TIME.format(exchange.issuedAt()));
        if (exchange.referencedDocumentId() != null) {
            text(element(exchanged, "ReferencedDocument"), "ID", exchange.referencedDocumentId());
        }
    }

    private void taxInvoiceDocument(Element root, TaxInvoiceXml.Header header) {
        Element doc = element(root, "TaxInvoiceDocument");
        text(doc, "IssueID", header.issueId());
        text(doc, "TypeCode", header.typeCode());
        header.descriptions().forEach(description -> text(doc, "DescriptionText", description));
        text(doc, "IssueDateTime", date(header.writeDate()));
        text(doc, "AmendmentStatusCode", header.amendmentStatusCode());
        text(doc, "PurposeCode", header.purposeCode());
        text(doc, "OriginalIssueID", header.originalIssueId());
    }

    private void party(Element settlement, String name, String contactName, TaxInvoiceXml.TradeParty party) {
        Element element = element(settlement, name);
        text(element, "ID", party.id());
        text(element, "TypeCode", party.bizType());
        text(element, "NameText", party.name());
        text(element, "ClassificationCode", party.bizClass());
        Element organization = document.createElementNS(NAMESPACE, "SpecifiedOrganization");
        text(organization, "TaxRegistrationID", party.taxRegistrationId());
        text(organization, "BusinessTypeCode", party.businessTypeCode());
        appendIfFilled(element, organization);
        Element person = document.createElementNS(NAMESPACE, "SpecifiedPerson");
        text(person, "NameText", party.ceoName());
        appendIfFilled(element, person);
        if (party.contact() != null) {
            Element contact = document.createElementNS(NAMESPACE, contactName);
            text(contact, "PersonNameText", party.contact().personName());
            text(contact, "TelephoneCommunication", party.contact().telephone());
            text(contact, "URICommunication", party.contact().email());
            appendIfFilled(element, contact);
        }
        Element address = document.createElementNS(NAMESPACE, "SpecifiedAddress");
        text(address, "LineOneText", party.address());
        appendIfFilled(element, address);
    }

    /** The standard's line order (NTS sample, KEPCO and CargoWise agree), not Popbill's field order. */
    private void lineItem(Element root, TaxInvoiceXml.Line line) {
        Element item = element(root, "TaxInvoiceTradeLineItem");
        text(item, "SequenceNumeric", String.valueOf(line.sequence()));
        text(item, "DescriptionText", line.description());
        text(item, "InvoiceAmount", line.invoiceAmount());
        text(item, "ChargeableUnitQuantity", line.quantity() == null ? null : line.quantity().toPlainString());
        text(item, "InformationText", line.spec());
        text(item, "NameText", line.name());
        text(item, "PurchaseExpiryDateTime", date(line.purchaseDate()));
        text(element(item, "TotalTax"), "CalculatedAmount", line.tax());
        if (line.unitAmount() != null) {
            text(element(item, "UnitPrice"), "UnitAmount", line.unitAmount());
        }
    }

    private Element element(Element parent, String name) {
        Element child = document.createElementNS(NAMESPACE, name);
        parent.appendChild(child);
        return child;
    }

    private void text(Element parent, String name, String value) {
        if (value != null) {
            element(parent, name).setTextContent(value);
        }
    }

    private void text(Element parent, String name, long amount) {
        text(parent, name, Long.toString(amount));
    }

    private static void appendIfFilled(Element parent, Element child) {
        if (child.hasChildNodes()) {
            parent.appendChild(child);
        }
    }

    private static String date(LocalDate date) {
        return date == null ? null : DATE.format(date);
    }
}
