package org.lodestar.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.NotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;

/**
 * Items outside the district and actions beyond a role get a plain page, never a stack trace. A request that names
 * something the database refuses (an owner of another district, say) is a bad request; its transaction is rolled
 * back, so nothing of it is saved.
 */
@ControllerAdvice
class ErrorPages {

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "platform/not-found";
    }

    @ExceptionHandler({
        MultipartException.class,
        MissingServletRequestParameterException.class,
        MethodArgumentTypeMismatchException.class,
        DataIntegrityViolationException.class
    })
    String badRequest(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return "platform/bad-request";
    }

    /** A save or removal that a form did not handle itself met someone else's newer save; nothing was changed. */
    @ExceptionHandler(EditConflictException.class)
    String conflict(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        return "platform/conflict";
    }

    @ExceptionHandler(ForbiddenException.class)
    String forbidden(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "platform/forbidden";
    }
}
