package org.lodestar;

import org.lodestar.enrollment.ForecastCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Lodestar: a school district's strategic plan as a living system. With {@code forecast} or {@code backtest} as its
 * first argument it runs the analysts' enrollment command line instead, with no web server and no database.
 */
@SpringBootApplication
public class LodestarApplication {

    public static void main(String[] args) {
        if (args.length > 0 && ForecastCommand.COMMANDS.contains(args[0])) {
            System.exit(ForecastCommand.run(args, System.out, System.err));
        }
        SpringApplication.run(LodestarApplication.class, args);
    }
}
