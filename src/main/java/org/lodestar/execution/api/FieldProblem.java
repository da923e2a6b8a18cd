package org.lodestar.execution.api;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** An entry of an API request refused at its field: problem details list every one under {@code errors}. */
record FieldProblem(String field, String message) {

    /** The answer refusing the request for these problems, with the status and detail given. */
    static ResponseEntity<ProblemDetail> refused(HttpStatus status, String detail, List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("errors", problems);
        return ResponseEntity.status(status).body(problem);
    }
}
