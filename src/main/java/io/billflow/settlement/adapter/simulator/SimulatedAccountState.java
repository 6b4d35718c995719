package io.billflow.settlement.adapter.simulator;

import io.billflow.settlement.bank.BankResponseCode;

/** The states a SIMULATED account can be in, each with the code a bank answers for it. */
public enum SimulatedAccountState {

    ACTIVE(BankResponseCode.OK),
    /** 해지 */
    CLOSED(BankResponseCode.CLOSED_ACCOUNT),
    /** 잡좌 */
    MISCELLANEOUS(BankResponseCode.MISCELLANEOUS_ACCOUNT),
    /** 사고신고 (lost passbook, fraud report) */
    ACCIDENT_REPORTED(BankResponseCode.ACCIDENT_REPORTED),
    /** 거래중지 (e.g. long dormant, 대포통장 suspicion) */
    TRANSACTIONS_SUSPENDED(BankResponseCode.TRANSACTIONS_SUSPENDED);

    private final BankResponseCode code;

    SimulatedAccountState(BankResponseCode code) {
        this.code = code;
    }

    BankResponseCode code() {
        return code;
    }
}
