package io.billflow.nts.api;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Transmission of signed tax invoices to the National Tax Service (directly or through an ASP). NTS
 * answers asynchronously: {@link #submit} only hands the document over; {@link #results} returns the
 * verdicts that have arrived. A real adapter (NTS/ASP web service) implements the same port as the
 * shipped simulator.
 */
public interface NtsTransmissionPort {

    /** Hands a signed document over. Throws {@link NtsUnavailableException} on a transient failure (retry). */
    void submit(String approvalNumber, byte[] signedXml);

    /** Verdicts available now for these approval numbers (absent = still pending). */
    List<NtsResult> results(Collection<String> approvalNumbers);

    /** NTS's verdict: SUC001, or an error code such as ERR007 with its meaning. */
    record NtsResult(String approvalNumber, boolean success, String code, String message, Instant at) {
    }

    /** NTS (or the ASP) did not take the document now; nothing was accepted, try again later. */
    class NtsUnavailableException extends RuntimeException {
        public NtsUnavailableException(String message) {
            super(message);
        }
    }
}
