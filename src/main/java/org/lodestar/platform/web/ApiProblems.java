package org.lodestar.platform.web;

import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the REST API is an RFC 9457 problem in JSON, never an HTML page: unreadable or mistyped bodies and
 * parameters (Spring's own exceptions, handled by the base class), unknown or foreign items, forbidden actions, and
 * values the database refuses. Pages keep their error pages ({@link ErrorPages}).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such item in your district.");
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your role does not allow this.");
    }

    /** A write that carried a version older than the saved one: nothing was saved, the caller reads again. */
    @ExceptionHandler(EditConflictException.class)
    ProblemDetail conflict(EditConflictException conflict) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT,
                "The " + conflict.item() + " was changed by someone else after you read it; nothing was saved."
                        + " Read it again and send its current version.");
        problem.setTitle("Edit conflict");
        return problem;
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail refused() {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "A value is out of range or refers to something that does not exist in your district; nothing was saved.");
    }
}
