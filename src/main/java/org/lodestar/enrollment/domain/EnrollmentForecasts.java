package org.lodestar.enrollment.domain;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.lodestar.enrollment.projection.Backtest;
import org.lodestar.enrollment.projection.EnrollmentForecaster;
import org.lodestar.enrollment.projection.EnrollmentHistory;
import org.lodestar.enrollment.projection.Method;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * A district's forecasts, computed once per version of its history: every change to counts or births raises the
 * version in the database in the same transaction, so a forecast is never served from older data, on this node or any
 * other (each node keys what it keeps by the version it reads). A dozen schools take well under a second, a state of
 * 2,000 a few seconds (see the benchmark in README).
 */
@Service
public class EnrollmentForecasts {

    /** The bean of the thread that computes forecasts: one, so that districts take turns. */
    public static final String FORECAST_WORKER = "enrollmentForecastWorker";

    /** How many years ahead the pages forecast. */
    public static final int HORIZON = 5;

    /** A district's history as of one version. */
    private record Version(UUID districtId, long number) {}

    private final EnrollmentStore store;
    private final Map<Version, CompletableFuture<Optional<Forecasts>>> cache = new ConcurrentHashMap<>();
    private final Executor worker;

    EnrollmentForecasts(EnrollmentStore store, @Qualifier(FORECAST_WORKER) Executor worker) {
        this.store = store;
        this.worker = worker;
    }

    /** Lodestar's forecast of the district, and the plain baseline's backtest to show beside its accuracy. */
    public record Forecasts(
            EnrollmentHistory history, EnrollmentForecaster.Result forecast, Backtest.Report baseline) {}

    /**
     * The district's forecasts, waiting for them if they are being computed (the API and the pages that need them).
     */
    public Optional<Forecasts> forecasts(UUID districtId) {
        return start(districtId).join();
    }

    /** The forecasts if they are ready now; else they are started (if there is data) and the caller shows progress. */
    public Optional<Optional<Forecasts>> forecastsIfReady(UUID districtId) {
        CompletableFuture<Optional<Forecasts>> future = start(districtId);
        return future.isDone() ? Optional.of(future.join()) : Optional.empty();
    }

    /**
     * Forecasts run on a worker thread, one district at a time, so that a large district's run (a state of 2,000
     * schools takes seconds) never holds a request thread; pages show progress and reload when it is done.
     */
    private CompletableFuture<Optional<Forecasts>> start(UUID districtId) {
        Version version = new Version(districtId, store.historyVersion(districtId));
        // a forecast of an older history of the district is of no use any more
        cache.keySet().removeIf(key -> key.districtId().equals(districtId) && key.number() != version.number());
        return cache.computeIfAbsent(version, key -> CompletableFuture.supplyAsync(() -> compute(districtId), worker));
    }

    private Optional<Forecasts> compute(UUID districtId) {
        EnrollmentHistory history = store.history(districtId);
        if (history.isEmpty()) {
            return Optional.empty();
        }
        var births = store.births(districtId);
        return Optional.of(new Forecasts(
                history,
                EnrollmentForecaster.forecast(history, births, Method.LODESTAR, HORIZON),
                Backtest.run(
                        history.upTo(history.completeYear()),
                        births,
                        Method.BASELINE,
                        HORIZON,
                        history.completeYear())));
    }
}
