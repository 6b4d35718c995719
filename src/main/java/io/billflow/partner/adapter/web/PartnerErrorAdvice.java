package io.billflow.partner.adapter.web;

import io.billflow.partner.application.BusinessStatusPort;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The business status service is down: 503, nothing changed, try again later. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PartnerErrorAdvice {

    @ExceptionHandler(BusinessStatusPort.BusinessStatusUnavailableException.class)
    public ProblemDetail unavailable(BusinessStatusPort.BusinessStatusUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The business status service (휴폐업 조회) did not answer; nothing was changed. Try again shortly.");
        problem.setProperty("retryAfterSeconds", 30);
        return problem;
    }
}
