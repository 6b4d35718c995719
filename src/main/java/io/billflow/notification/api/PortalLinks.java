package io.billflow.notification.api;

/**
 * A fresh supplier portal link, without sending anything. The token exists in clear only inside the returned
 * {@link SecretValue}, which a notice carries sealed to its recipient; the portal keeps its SHA-256 only, and
 * nobody — no staff group, API client or admin — is ever shown the link.
 *
 * <p>Declared here, beside the {@link SecretValue} it returns, and implemented by the portal: invoice and settlement
 * ask for links without depending on the portal, which sits above them (no module cycle).
 */
public interface PortalLinks {

    /** A link from a settlement notice: after the proof the supplier lands on its settlement reports. */
    String SETTLEMENT = "SETTLEMENT";

    /** A business's link: proven with its business number. */
    SecretValue newLink(long partnerId, String purpose, String actor);

    /**
     * An individual's link (no business number): bound to the settlement group it is sent for, proven with a
     * one-time code to that group's verification mobile, and opening that group's reports only.
     */
    SecretValue newIndividualLink(long settlementGroupId, String purpose, String actor);
}
