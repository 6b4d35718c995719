package io.billflow.settlement.adapter.web;

import java.net.URI;
import java.util.List;

import io.billflow.platform.web.FieldViolation;
import io.billflow.platform.web.ProblemDetailsAdvice;
import io.billflow.settlement.application.ChangeRequestClosedException;
import io.billflow.settlement.application.VerificationCodeRejectedException;
import io.billflow.settlement.domain.PayoutAccountChangeRequest;
import io.billflow.settlement.domain.SettlementReport;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The settlement refusals that need more than a field: tries left, a closed change request, a frozen report. */
@RestControllerAdvice(basePackageClasses = SettlementErrorAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SettlementErrorAdvice {

    static final URI CODE_CLOSED_TYPE = URI.create("https://billflow.io/problems/verification-request-closed");

    @ExceptionHandler(VerificationCodeRejectedException.class)
    public ProblemDetail wrongCode(VerificationCodeRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(ProblemDetailsAdvice.VALIDATION_TYPE);
        problem.setTitle("Invalid input");
        problem.setProperty("errors", List.of(FieldViolation.of("code", e.getMessage())));
        problem.setProperty("remainingAttempts", e.remainingAttempts());
        return problem;
    }

    @ExceptionHandler(ChangeRequestClosedException.class)
    public ProblemDetail closed(ChangeRequestClosedException e) {
        boolean confirmed = e.status() == PayoutAccountChangeRequest.Status.CONFIRMED;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(confirmed ? HttpStatus.CONFLICT : HttpStatus.GONE,
                e.getMessage());
        problem.setType(CODE_CLOSED_TYPE);
        problem.setTitle(confirmed ? "Already confirmed" : "Change request closed");
        problem.setProperty("requestStatus", e.status().name());
        problem.setProperty("remainingAttempts", 0);
        return problem;
    }

    @ExceptionHandler(SettlementReport.ReportFrozenException.class)
    public ProblemDetail frozen(SettlementReport.ReportFrozenException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setProperty("errors", List.of(FieldViolation.of("status", e.getMessage())));
        problem.setProperty("reportStatus", e.status().name());
        return problem;
    }
}
