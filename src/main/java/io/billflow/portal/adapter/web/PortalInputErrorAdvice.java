package io.billflow.portal.adapter.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A person at the portal gets a Korean page, not a problem document, when a form field breaks the
 * plain-text rules (ADR 0004: control characters, direction overrides, length) before the controller
 * runs. The portal's JSON API ({@link PortalApiController}) keeps its problem details.
 */
@ControllerAdvice(assignableTypes = {PortalPageController.class, PortalInvoiceController.class,
        PortalSettlementController.class, PortalIndividualAccessController.class,
        PortalIndividualSettlementController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalInputErrorAdvice {

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView refused(MethodArgumentTypeMismatchException e) {
        ModelAndView page = new ModelAndView("portal/input-error");
        page.setStatus(HttpStatus.BAD_REQUEST);
        page.addObject("field", e.getName());
        page.addObject("reason", e.getCause() == null ? "is not valid" : e.getCause().getMessage());
        return page;
    }
}
