package io.billflow.invoice.xml;

import static io.billflow.invoice.xml.TaxInvoiceXmlFormat.NAMESPACE;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads an NTS standard {@code TaxInvoice} document (ours or anyone's) into a {@link TaxInvoiceXml}.
 * Namespace-aware: only elements in the standard's namespace count, so a {@code ds:Signature} or any
 * other foreign element is skipped. DTDs are refused outright (see {@link SecureXml}).
 */
public final class TaxInvoiceXmlReader {

    public TaxInvoiceXml read(byte[] xml) {
        Document document;
        try {
            document = SecureXml.documentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw new TaxInvoiceXmlException("not a well-formed XML document without DTD: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new TaxInvoiceXmlException("could not read the XML: " + e.getMessage(), e);
        }
        return read(document);
    }

    public TaxInvoiceXml read(Document document) {
        Element root = document.getDocumentElement();
        if (!TaxInvoiceXmlFormat.ROOT.equals(root.getLocalName()) || !NAMESPACE.equals(root.getNamespaceURI())) {
            throw new TaxInvoiceXmlException("not an NTS TaxInvoice: the root element is {"
                    + root.getNamespaceURI() + "}" + root.getLocalName() + ", expected {" + NAMESPACE + "}"
                    + TaxInvoiceXmlFormat.ROOT);
        }
        Element settlement = required(root, "TaxInvoiceTradeSettlement");
        Element summation = required(settlement, "SpecifiedMonetarySummation");
        return new TaxInvoiceXml(exchange(required(root, "ExchangedDocument")),
                header(required(root, "TaxInvoiceDocument")),
                party(required(settlement, "InvoicerParty"), "DefinedContact"),
                party(required(settlement, "InvoiceeParty"), "PrimaryDefinedContact"),
                children(settlement, "SpecifiedPaymentMeans").stream()
                        .map(m -> new TaxInvoiceXml.Payment(requiredText(m, "TypeCode"), amount(m, "PaidAmount")))
                        .toList(),
                new TaxInvoiceXml.Summation(amount(summation, "ChargeTotalAmount"),
                        amount(summation, "TaxTotalAmount"), amount(summation, "GrandTotalAmount")),
                children(root, "TaxInvoiceTradeLineItem").stream().map(this::line).toList());
    }

    private TaxInvoiceXml.Exchange exchange(Element exchanged) {
        Element referenced = child(exchanged, "ReferencedDocument");
        return new TaxInvoiceXml.Exchange(text(exchanged, "ID"),
                parse(exchanged, "IssueDateTime", s -> LocalDateTime.parse(s, TaxInvoiceXmlFormat.DATE_TIME)),
                referenced == null ? null : text(referenced, "ID"));
    }

    private TaxInvoiceXml.Header header(Element doc) {
        return new TaxInvoiceXml.Header(text(doc, "IssueID"), requiredText(doc, "TypeCode"),
                children(doc, "DescriptionText").stream().map(Node::getTextContent).toList(),
                date(doc, "IssueDateTime"), text(doc, "AmendmentStatusCode"), text(doc, "PurposeCode"),
                text(doc, "OriginalIssueID"));
    }

    private TaxInvoiceXml.TradeParty party(Element party, String contactName) {
        Element organization = child(party, "SpecifiedOrganization");
        Element person = child(party, "SpecifiedPerson");
        Element contact = child(party, contactName);
        Element address = child(party, "SpecifiedAddress");
        return new TaxInvoiceXml.TradeParty(requiredText(party, "ID"), text(party, "TypeCode"),
                text(party, "NameText"), text(party, "ClassificationCode"),
                organization == null ? null : text(organization, "TaxRegistrationID"),
                organization == null ? null : text(organization, "BusinessTypeCode"),
                person == null ? null : text(person, "NameText"),
                contact == null ? null : new TaxInvoiceXml.Contact(text(contact, "PersonNameText"),
                        text(contact, "TelephoneCommunication"), text(contact, "URICommunication")),
                address == null ? null : text(address, "LineOneText"));
    }

    private TaxInvoiceXml.Line line(Element item) {
        Element unitPrice = child(item, "UnitPrice");
        Element totalTax = child(item, "TotalTax");
        Integer sequence = parse(item, "SequenceNumeric", Integer::valueOf);
        if (sequence == null) {
            throw missing(item, "SequenceNumeric");
        }
        return new TaxInvoiceXml.Line(sequence, date(item, "PurchaseExpiryDateTime"), text(item, "NameText"), text(item, "InformationText"),
                parse(item, "ChargeableUnitQuantity", BigDecimal::new),
                unitPrice == null ? null : parse(unitPrice, "UnitAmount", Long::valueOf),
                amount(item, "InvoiceAmount"),
                // a 계산서 (면세) may leave TotalTax out: no tax is tax 0
                totalTax == null ? 0 : amount(totalTax, "CalculatedAmount"),
                text(item, "DescriptionText"));
    }

    private static long amount(Element parent, String name) {
        Long amount = parse(parent, name, Long::valueOf);
        if (amount == null) {
            throw missing(parent, name);
        }
        return amount;
    }

    private static LocalDate date(Element parent, String name) {
        return parse(parent, name, s -> LocalDate.parse(s, TaxInvoiceXmlFormat.DATE));
    }

    /** The parsed text of a child, null when the child is absent; unparsable text is the document's fault. */
    private static <T> T parse(Element parent, String name, Function<String, T> parser) {
        String text = text(parent, name);
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text.strip());
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new TaxInvoiceXmlException(path(parent) + "/" + name + " has an invalid value: " + text, e);
        }
    }

    private static String requiredText(Element parent, String name) {
        String text = text(parent, name);
        if (text == null) {
            throw missing(parent, name);
        }
        return text;
    }

    private static String text(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? null : child.getTextContent();
    }

    private static Element required(Element parent, String name) {
        Element child = child(parent, name);
        if (child == null) {
            throw missing(parent, name);
        }
        return child;
    }

    private static Element child(Element parent, String name) {
        List<Element> children = children(parent, name);
        return children.isEmpty() ? null : children.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && NAMESPACE.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                children.add(element);
            }
        }
        return children;
    }

    private static TaxInvoiceXmlException missing(Element parent, String name) {
        return new TaxInvoiceXmlException(path(parent) + "/" + name + " is missing");
    }

    private static String path(Element element) {
        StringBuilder path = new StringBuilder();
        for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
            path.insert(0, "/" + e.getLocalName());
        }
        return path.toString();
    }
}
