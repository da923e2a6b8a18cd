package org.lodestar.enrollment.web;

import java.util.Optional;
import org.lodestar.directory.SignedInUser;
import org.lodestar.enrollment.domain.EnrollmentForecasts;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * While a district's forecast is being computed, every enrollment page shows the progress page instead, which reloads
 * itself when the forecast is ready.
 */
@ControllerAdvice(basePackageClasses = Computing.class)
class Computing {

    /** The forecasts (empty when there is no history), or the progress page while they are computed. */
    static Optional<EnrollmentForecasts.Forecasts> readyOrShowProgress(
            EnrollmentForecasts forecasting, SignedInUser user) {
        return forecasting.forecastsIfReady(user.districtId()).orElseThrow(NotReady::new);
    }

    @ExceptionHandler(NotReady.class)
    String progress() {
        return "enrollment/computing";
    }

    static final class NotReady extends RuntimeException {
        NotReady() {
            super("the forecast is being computed", null, false, false);
        }
    }
}
