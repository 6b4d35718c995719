package io.billflow.nts.api;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Transmission of signed tax invoices to the National Tax Service (directly or through an ASP). NTS
 * answers asynchronously: {@link #submit} only hands documents over; {@link #results} returns the
 * verdicts that have arrived. The shipped adapter speaks HTTP to the NTS simulator service; a real NTS
 * or ASP adapter implements the same port.
 */
public interface NtsTransmissionPort {

    /**
     * Hands signed documents over in one call. Returns one receipt per document: taken, or refused for
     * now (send it again later). Throws {@link NtsUnavailableException} when the call as a whole failed;
     * NTS may then have taken none, some or all of them, so callers send them again under the same
     * approval numbers (NTS keeps the first document it accepted for a number).
     */
    List<Receipt> submit(List<NtsDocument> documents);

    /** Verdicts available now for these approval numbers (absent = still pending). */
    List<NtsResult> results(Collection<String> approvalNumbers);

    /** A signed tax invoice and the 24-digit approval number it carries. */
    record NtsDocument(String approvalNumber, byte[] signedXml) {
    }

    /** Whether NTS took this document now; {@code detail} says why not. */
    record Receipt(String approvalNumber, boolean received, String detail) {
    }

    /** NTS's verdict: SUC001, or an error code such as ERR007 with its meaning. */
    record NtsResult(String approvalNumber, boolean success, String code, String message, Instant at) {
    }

    /** NTS (or the ASP) could not be reached or failed as a whole; try again later. */
    class NtsUnavailableException extends RuntimeException {
        public NtsUnavailableException(String message) {
            super(message);
        }

        public NtsUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
