package io.billflow.settlement.application;

/** What the settlement use cases tell their process (implemented with Camunda in {@code settlement.process}). */
public interface SettlementProcessPort {

    void submitted(long reportId);

    void resubmitted(long reportId);

    void partnerConfirmed(long reportId);
}
