package org.lodestar.enrollment.web;

/**
 * While a district's forecast is being computed, every enrollment page shows the progress page instead, which reloads
 * itself when the forecast is ready. It is returned as the page's view, like any other, so that it keeps the site's
 * header and navigation.
 */
final class Computing {

    static final String PROGRESS = "enrollment/computing";

    private Computing() {}
}
