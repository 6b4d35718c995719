package io.billflow.partner.application;

import java.time.Instant;

import io.billflow.partner.api.BusinessNumber;
import io.billflow.partner.domain.BusinessState;

/**
 * 휴폐업 조회: is this business active, suspended or closed? The production adapter would call the NTS
 * business status service (via data.go.kr or an ASP); the simulator answers from configuration.
 */
public interface BusinessStatusPort {

    BusinessStatus lookUp(BusinessNumber number);

    /** The answer, with the date the business closed or suspended when the source says so. */
    record BusinessStatus(BusinessState state, String closedOn, Instant checkedAt) {
    }

    /** The status service did not answer; callers keep the previous state and may retry. */
    class BusinessStatusUnavailableException extends RuntimeException {
        public BusinessStatusUnavailableException(String message) {
            super(message);
        }
    }
}
