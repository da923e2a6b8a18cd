package org.lodestar.enrollment.domain;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The single thread that computes enrollment forecasts, off the request threads. */
@Configuration(proxyBeanMethods = false)
class ForecastWorkerConfiguration {

    @Bean(name = EnrollmentForecasts.FORECAST_WORKER, destroyMethod = "shutdownNow")
    ExecutorService enrollmentForecastWorker() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "enrollment-forecasts");
            thread.setDaemon(true);
            return thread;
        });
    }
}
