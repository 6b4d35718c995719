/**
 * The National Tax Service boundary: the transmission adapter behind {@code api.NtsTransmissionPort} and the NTS
 * SIMULATOR that answers it in the embedded default and the tests. Owns no table (the simulator keeps its own
 * ledger). Uses the platform and certificate (the simulator checks each invoice's signature as NTS does).
 */
@org.springframework.modulith.ApplicationModule(displayName = "NTS")
package io.billflow.nts;
