package io.billflow.invoice.xml;

import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/** The fixed facts of the KEC/NTS standard document that writer and reader share. */
public final class TaxInvoiceXmlFormat {

    public static final String NAMESPACE =
            "urn:kr:or:kec:standard:Tax:ReusableAggregateBusinessInformationEntitySchemaModule:1:0";
    public static final String SCHEMA_URL = "http://www.kec.or.kr/standard/Tax/TaxInvoiceSchemaModule_1.0.xsd";
    /** xsi:schemaLocation holds namespace–location pairs, as in the NTS sample documents. */
    public static final String SCHEMA_LOCATION = NAMESPACE + " " + SCHEMA_URL;
    public static final String ROOT = "TaxInvoice";
    /** The element the supplier's {@code ds:Signature} goes in front of (issue #4). */
    public static final String SIGNATURE_NEXT_SIBLING = "TaxInvoiceDocument";

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT);

    private TaxInvoiceXmlFormat() {
    }
}
