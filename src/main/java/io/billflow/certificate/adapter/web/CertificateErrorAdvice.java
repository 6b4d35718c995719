package io.billflow.certificate.adapter.web;

import io.billflow.certificate.api.CertificateRejection;
import io.billflow.certificate.api.NoValidCertificateException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused certificate: the reason code and a message in Korean and English. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CertificateErrorAdvice {

    @ExceptionHandler(CertificateRejection.class)
    public ProblemDetail rejected(CertificateRejection e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.reason().status(), e.messageEn());
        problem.setTitle("Certificate refused");
        problem.setProperty("reason", e.reason().name());
        problem.setProperty("messageKo", e.messageKo());
        problem.setProperty("messageEn", e.messageEn());
        return problem;
    }

    @ExceptionHandler(NoValidCertificateException.class)
    public ProblemDetail none(NoValidCertificateException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("No valid certificate");
        return problem;
    }
}
