/**
 * Read models of the settlement (issue #7 items 4 and 7): the settlement managers' dashboard, the group
 * drill-down with each report's history, monthly statistics and the printable statement (정산 명세서); and, from the
 * same facts, an individual partner's own view of its group's reports in the portal ({@code IndividualSettlements}).
 * <p>
 * Everything here only reads: {@code settlement_report}, its lines and history, {@code settlement_payout}
 * (written by the settlement process), the partner's name and type, and an invoice's approval number. Set-based
 * SQL, no entity loading; account numbers and holders are only ever shown masked, and masked again on the way
 * out ({@link io.billflow.settlement.domain.Masking} leaves a masked value as it is), so a clear number stored
 * by mistake still never reaches a page.
 */
package io.billflow.settlement.readmodel;
