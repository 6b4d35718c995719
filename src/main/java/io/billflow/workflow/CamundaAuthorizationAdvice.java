package io.billflow.workflow;

import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The engine refused the caller (missing Camunda authorization): 403 as a problem detail. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CamundaAuthorizationAdvice {

    @ExceptionHandler(AuthorizationException.class)
    public ProblemDetail forbidden(AuthorizationException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "The process engine does not allow this for your groups: " + e.getMessage());
    }
}
