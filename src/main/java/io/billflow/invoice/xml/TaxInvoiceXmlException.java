package io.billflow.invoice.xml;

/** The bytes are not an NTS standard TaxInvoice document billflow can read; the message says why. */
public class TaxInvoiceXmlException extends RuntimeException {

    public TaxInvoiceXmlException(String message) {
        super(message);
    }

    public TaxInvoiceXmlException(String message, Throwable cause) {
        super(message, cause);
    }
}
